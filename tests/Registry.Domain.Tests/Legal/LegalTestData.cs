using Registry.Domain.Applications;
using Registry.Domain.Documents;
using Registry.Domain.Legal;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests.Legal;

/// <summary>
/// Valid facts of each legal form, submitted on <see cref="SubmittedOn"/>; tests change what they need with
/// <c>with</c> expressions and the person factories below.
/// </summary>
internal static class LegalTestData
{
    public static readonly DateOnly SubmittedOn = new(2026, 3, 2);
    public static readonly DateOnly MandateStart = new(2026, 1, 1);

    public static readonly string[] ActiveCooperatives = ["COOP-06-2020-000001", "COOP-06-2021-000002", "COOP-01-2022-000003"];

    /// <summary>Born 40 years before the submission.</summary>
    public static readonly DateOnly AdultBirthDate = SubmittedOn.AddYears(-40);

    public static LegalFacts Cooperative() => new(
        LegalForm.COOP,
        "تعاونية الأمل",
        "Coopérative Al Amal",
        100m,
        Naturals(5),
        [Manager(1)],
        SubmittedOn,
        Attached(DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.BankCertificate),
        true,
        Numbers());

    public static LegalFacts Union() => new(
        LegalForm.UNION,
        "اتحاد تعاونيات الأركان",
        "Union des coopératives d'argan",
        100m,
        [.. ActiveCooperatives.Select((number, i) => Member.LegalPerson($"Coopérative {i + 1}", number, 10, 10))],
        [Manager(1)],
        SubmittedOn,
        Attached(DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MemberCooperativesDecisions),
        true,
        Numbers(ActiveCooperatives));

    public static LegalFacts Association() => new(
        LegalForm.ASSO,
        "جمعية النور",
        "Association Annour",
        null,
        Naturals(2, sharesEach: 0),
        [Board(OfficerRole.President, 1), Board(OfficerRole.Treasurer, 2)],
        SubmittedOn,
        Attached(DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MembersList, DocumentKind.LocalAuthorityReceipt),
        false,
        Numbers());

    public static LegalFacts Mutual() => new(
        LegalForm.MUTU,
        "التعاضدية العامة",
        "Mutuelle générale",
        null,
        Naturals(3, sharesEach: 0),
        [Administrator(1), Administrator(2), Administrator(3)],
        SubmittedOn,
        Attached(DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.FinancialPlan),
        false,
        Numbers());

    public static LegalFacts Valid(LegalForm form) => form switch
    {
        LegalForm.COOP => Cooperative(),
        LegalForm.UNION => Union(),
        LegalForm.ASSO => Association(),
        LegalForm.MUTU => Mutual(),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>A well-formed CIN unique to member <paramref name="n"/>.</summary>
    public static string Cin(int n) => $"AB{n:D6}";

    /// <summary>A well-formed CIN unique to officer <paramref name="n"/>, who is not member <paramref name="n"/>.</summary>
    public static string OfficerCin(int n) => $"CD{n:D6}";

    public static Member Natural(int n, int subscribed = 10, int paid = 10, DateOnly? birthDate = null, string? cin = null) =>
        Member.NaturalPerson($"عضو {n}", $"Membre {n}", cin ?? Cin(n), birthDate ?? AdultBirthDate, Gender.Female, "MA", $"{n}, rue des Oliviers", subscribed, paid);

    public static Member LegalPerson(int n, int subscribed = 10, int paid = 10, string? identifier = null) =>
        Member.LegalPerson($"Personne morale {n}", identifier ?? $"COOP-06-2020-{n:D6}", subscribed, paid);

    /// <summary><paramref name="count"/> natural persons numbered from <paramref name="from"/>.</summary>
    public static Member[] Naturals(int count, int sharesEach = 10, int from = 1) =>
        [.. Enumerable.Range(from, count).Select(n => Natural(n, sharesEach, sharesEach))];

    public static Officer Manager(int n, DateOnly? mandateEnd = null) =>
        Person(OfficerRole.Manager, n, mandateEnd: mandateEnd);

    public static Officer Board(OfficerRole role, int n, DateOnly? mandateEnd = null) =>
        Person(role, n, mandateEnd: mandateEnd);

    public static Officer[] BoardOf(int count, DateOnly? mandateEnd = null) =>
        [.. Enumerable.Range(1, count).Select(n => Board(n == 1 ? OfficerRole.President : OfficerRole.BoardMember, n, mandateEnd))];

    public static Officer Administrator(int n, string? nationality = "MA", DateOnly? birthDate = null, bool participating = true) =>
        Person(OfficerRole.Administrator, n, nationality: nationality, birthDate: birthDate, participating: participating);

    public static Officer Person(
        OfficerRole role,
        int n,
        string? cin = null,
        DateOnly? birthDate = null,
        string? nationality = "MA",
        string? profession = "Agricultrice",
        string? address = "Derb Sultan, Casablanca",
        DateOnly? mandateEnd = null,
        bool participating = true) =>
        Officer.Create(
            role, $"مسير {n}", $"Dirigeant {n}", cin ?? OfficerCin(n), birthDate ?? AdultBirthDate, nationality, profession, address,
            MandateStart, mandateEnd ?? MandateStart.AddYears(3), participating);

    public static IReadOnlySet<DocumentKind> Attached(params DocumentKind[] kinds) => kinds.ToHashSet();

    public static IReadOnlySet<string> Numbers(params string[] numbers) => numbers.ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Codes(LegalFacts facts) => [.. RuleBook.Evaluate(facts).Select(rule => rule.Code)];

    /// <summary>The one broken rule of <paramref name="code"/> (fails if there is none or more than one).</summary>
    public static Common.BrokenRule Broken(LegalFacts facts, string code) => Assert.Single(RuleBook.Evaluate(facts), rule => rule.Code == code);
}
