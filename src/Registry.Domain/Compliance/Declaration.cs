namespace Registry.Domain.Compliance;

/// <summary>What an organisation's owner declares to keep its legal obligations (SPEC §5).</summary>
public enum DeclarationKind
{
    /// <summary>Ordinary general assembly held (law 112-12 art. 41).</summary>
    GeneralAssembly,

    /// <summary>Annual accounts and report filed, with the year's turnover (art. 68).</summary>
    AnnualAccounts,

    /// <summary>New board or managers, with their mandates (arts. 51, 65).</summary>
    ManagementChange,

    /// <summary>Members who joined or left.</summary>
    MemberChange,

    /// <summary>Association board renewed, or declared unchanged (dahir 1958 art. 5).</summary>
    BoardChange,

    /// <summary>Mutual society's annual return: members, investments, income and expenses (dahir 1963 art. 25).</summary>
    MutualAnnualReturn,
}

/// <summary>A declaration as filed; the organisation's own state changes through <see cref="Organizations.Organization"/>.</summary>
public sealed class Declaration
{
    private Declaration() { }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DeclarationKind Kind { get; private set; }

    /// <summary>The date the declared fact happened (assembly held, accounts approved, board elected...).</summary>
    public DateOnly EffectiveOn { get; private set; }

    public int? FinancialYear { get; private set; }
    public decimal? Turnover { get; private set; }

    /// <summary>The declaration's details as JSON (counts and amounts; members' personal data stays in the member tables).</summary>
    public string? Details { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }
    public Guid DeclaredBy { get; private set; }

    /// <summary>The supporting document filed with the declaration (minutes, accounts...); its bytes are in <see cref="DeclarationDocumentContent"/>.</summary>
    public DeclarationDocument? Document { get; private set; }

    /// <summary>The kinds the law wants evidenced by a document: the assembly's minutes, the accounts themselves.</summary>
    public static bool RequiresDocument(DeclarationKind kind) => kind is DeclarationKind.GeneralAssembly or DeclarationKind.AnnualAccounts;

    public static Declaration File(Guid organizationId, DeclarationKind kind, DateOnly effectiveOn, int? financialYear, decimal? turnover,
        string? details, Guid declaredBy, DateTimeOffset now, DeclarationDocument? document = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = organizationId,
        Kind = kind,
        EffectiveOn = effectiveOn,
        FinancialYear = financialYear,
        Turnover = turnover,
        Details = details,
        DeclaredAt = now,
        DeclaredBy = declaredBy,
        Document = document,
    };
}

/// <summary>What is known of a declaration's document without reading its bytes.</summary>
public sealed record DeclarationDocument(string ContentType, string FileName, long SizeBytes, string Sha256);

/// <summary>The bytes of a declaration's document, stored in PostgreSQL in the same transaction as the declaration.</summary>
public sealed class DeclarationDocumentContent
{
    private DeclarationDocumentContent() { }

    public Guid DeclarationId { get; private set; }
    public byte[] Content { get; private set; } = [];

    public static DeclarationDocumentContent Of(Guid declarationId, byte[] content) => new() { DeclarationId = declarationId, Content = content };
}
