namespace Registry.Domain.Documents;

/// <summary>A document attached to an application. Its bytes live beside it (<see cref="DocumentContent"/>).</summary>
public sealed class ApplicationDocument
{
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private ApplicationDocument() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the bytes, lower-case hex: what was received is what is kept.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
    public Guid UploadedBy { get; private set; }

    public static ApplicationDocument Attach(Guid applicationId, DocumentKind kind, DocumentFormat format, string fileName, long sizeBytes,
        string sha256, Guid uploadedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        Kind = kind,
        ContentType = format.ContentType,
        FileName = fileName,
        SizeBytes = sizeBytes,
        Sha256 = sha256,
        UploadedAt = now,
        UploadedBy = uploadedBy,
    };
}

/// <summary>The bytes of a document, stored in PostgreSQL in the same transaction as its metadata.</summary>
public sealed class DocumentContent
{
    private DocumentContent() { }

    public Guid DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    public static DocumentContent Of(Guid documentId, byte[] content) => new() { DocumentId = documentId, Content = content };
}
