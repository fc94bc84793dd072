namespace Registry.Domain.Documents;

/// <summary>
/// The formats the registry accepts, recognised from the first bytes of the file — never from the declared
/// content type or the file name, which the sender controls.
/// </summary>
public sealed record DocumentFormat(string Name, string ContentType, string Extension)
{
    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png");

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int SignatureLength = 8;

    public static DocumentFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg : null;
    }
}
