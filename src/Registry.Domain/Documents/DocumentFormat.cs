using System.Buffers.Binary;

namespace Registry.Domain.Documents;

/// <summary>
/// The formats the registry accepts, recognised from the file's own bytes — never from the declared content type or
/// the file name, which the sender controls. <see cref="Detect"/> checks the frame of each format, cheaply and without
/// decoding it, so that a file which only begins like one (a PDF header before a program, a PNG signature before
/// anything at all) or was cut short is not taken for it:
/// <list type="bullet">
/// <item>PDF: begins <c>%PDF-1.n</c> or <c>%PDF-2.n</c>, and its last <c>%%EOF</c> begins within its last 1024 bytes,
/// where readers look for it, followed by nothing but PDF white-space (NUL, tab, LF, FF, CR, space).</item>
/// <item>PNG: the signature, then chunks whose lengths add up to the file exactly: IHDR first (13 bytes of data), at
/// least one IDAT, IEND last (empty) with nothing after it. Checksums are a decoder's business and are not read.</item>
/// <item>JPEG: SOI, then marker segments whose lengths fit, among them a frame header (SOFn), up to the start of scan;
/// and an EOI (FF D9) ends the scan. What follows the EOI is left alone: phones append a video (motion photos) or
/// their own trailer, scanners pad with zeros, and a program there is refused below like anywhere else.</item>
/// </list>
/// Whatever its format, a file that carries a program is refused: a DOS header whose <c>e_lfanew</c> points at a
/// <c>PE\0\0</c> signature inside the file (a Windows program), or an ELF identification (7F 'E' 'L' 'F', a class, a
/// byte order and version 1). Both are looked for everywhere, not just after the signature, where a sender would
/// simply not put them; each is specific enough that 10 MB of compressed image data matches by chance less than once
/// in a billion. Compressed content (Flate streams, IDAT) is not inflated: what it hides cannot run as stored.
/// </summary>
public sealed record DocumentFormat(string Name, string ContentType, string Extension)
{
    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png");

    /// <summary>How far from its end a PDF's <c>%%EOF</c> may begin: as far as PDF readers look for it.</summary>
    private const int PdfEndWindow = 1024;

    /// <summary>The file's format, or null when it is not a whole PDF, JPEG or PNG, or carries a program.</summary>
    public static DocumentFormat? Detect(ReadOnlySpan<byte> content)
    {
        var format = IsPdf(content) ? Pdf : IsPng(content) ? Png : IsJpeg(content) ? Jpeg : null;
        return format is null || CarriesProgram(content) ? null : format;
    }

    private static bool IsPdf(ReadOnlySpan<byte> content)
    {
        if (content.Length < 8 || !content.StartsWith("%PDF-"u8) || content[5] is not ((byte)'1' or (byte)'2')
            || content[6] != '.' || !char.IsAsciiDigit((char)content[7]))
        {
            return false;
        }

        var end = content[Math.Max(8, content.Length - PdfEndWindow)..];
        var eof = end.LastIndexOf("%%EOF"u8);
        return eof >= 0 && end[(eof + 5)..].IndexOfAnyExcept((ReadOnlySpan<byte>)[0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]) < 0;
    }

    private static bool IsPng(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return false;
        }

        var chunks = content[8..];
        var first = true;
        var data = false;
        while (chunks.Length >= 12)
        {
            // Length, type, data, CRC; the length is at most 2^31 - 1 and the type four ASCII letters.
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunks);
            var type = chunks.Slice(4, 4);
            if (length > (uint)(chunks.Length - 12) || !IsAsciiLetters(type) || first != type.SequenceEqual("IHDR"u8) || (first && length != 13))
            {
                return false;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return length == 0 && chunks.Length == 12 && data;
            }

            data |= type.SequenceEqual("IDAT"u8);
            first = false;
            chunks = chunks[(12 + (int)length)..];
        }

        return false;
    }

    private static bool IsJpeg(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return false;
        }

        var position = 2;
        var frame = false;
        while (position < content.Length && content[position] == 0xFF)
        {
            // A marker may be preceded by fill bytes (FF); TEM and RSTn stand alone, every other one opens a segment
            // whose two-byte length counts itself.
            while (position < content.Length && content[position] == 0xFF)
            {
                position++;
            }

            if (position >= content.Length)
            {
                return false;
            }

            var marker = content[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0x00 or 0xD8 or 0xD9 || position + 2 > content.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[position..]);
            if (length < 2 || position + length > content.Length)
            {
                return false;
            }

            if (marker == 0xDA)
            {
                // In the scan's data an FF is always followed by 00 or a restart marker: the first FF D9 is its end.
                return frame && content[(position + length)..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
            }

            frame |= marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            position += length;
        }

        return false;
    }

    private static bool CarriesProgram(ReadOnlySpan<byte> content)
    {
        for (var at = content.IndexOf("MZ"u8); at >= 0; at = Next(content, at, "MZ"u8))
        {
            // The DOS header is 64 bytes; its last four give the offset of the PE header from the header's start.
            if (content.Length - at >= 64)
            {
                var pe = (long)at + BinaryPrimitives.ReadUInt32LittleEndian(content[(at + 0x3C)..]);
                if (pe >= at + 64 && pe + 4 <= content.Length && content.Slice((int)pe, 4).SequenceEqual("PE\0\0"u8))
                {
                    return true;
                }
            }
        }

        ReadOnlySpan<byte> elf = [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        for (var at = content.IndexOf(elf); at >= 0; at = Next(content, at, elf))
        {
            if (content.Length - at >= 7 && content[at + 4] is 1 or 2 && content[at + 5] is 1 or 2 && content[at + 6] == 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static int Next(ReadOnlySpan<byte> content, int at, ReadOnlySpan<byte> value)
    {
        var next = content[(at + 1)..].IndexOf(value);
        return next < 0 ? -1 : at + 1 + next;
    }
}
