using Registry.Domain.Documents;

namespace Registry.Application.Documents;

/// <summary>A document's metadata.</summary>
public sealed record DocumentView(Guid Id, DocumentKind Kind, string ContentType, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>A document with its bytes, for download.</summary>
public sealed record DocumentFile(string ContentType, string FileName, string Sha256, byte[] Content);
