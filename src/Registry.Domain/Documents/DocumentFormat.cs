using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Registry.Domain.Documents;

/// <summary>
/// The formats the registry accepts, recognised from the file's own bytes — never from the declared content type or
/// the file name, which the sender controls. <see cref="Detect"/> checks the frame of each format, cheaply and without
/// decoding images, so that a file which only begins like one (a PDF header before a program, a PNG signature before
/// anything at all) or was cut short is not taken for it:
/// <list type="bullet">
/// <item>PDF: begins <c>%PDF-1.n</c> or <c>%PDF-2.n</c>, and its last <c>%%EOF</c> begins within its last 1024 bytes,
/// where readers look for it. What follows it is left alone, as readers leave it: scanners and mail gateways append
/// their own bytes or NUL padding there, and a program there is refused below like anywhere else.</item>
/// <item>PNG: the signature, then chunks whose lengths add up to the file exactly, each with the CRC-32 of its type and
/// data: IHDR first (13 bytes of data), at least one IDAT, IEND last (empty) with nothing after it.</item>
/// <item>JPEG: SOI, then marker segments whose lengths fit, among them a frame header (SOFn), up to the start of scan;
/// and an EOI (FF D9) ends the scan. What follows the EOI is left alone: phones append a video (motion photos) or
/// their own trailer, scanners pad with zeros, and a program there is refused below like anywhere else.</item>
/// </list>
/// Whatever its format, a file that carries a program is refused: a DOS header whose <c>e_lfanew</c> points at a
/// <c>PE\0\0</c> signature (a Windows program), or an ELF identification (7F 'E' 'L' 'F', a class, a byte order and
/// version 1). Both are looked for everywhere, not just after the signature, where a sender would simply not put them;
/// each is specific enough that 10 MB of compressed image data matches by chance less than once in a billion.
/// <para>
/// A PDF's Flate streams are inflated and looked through the same way, since a reader hands what they hold to its user
/// (an attachment saved to disk is a program ready to run). Every <c>stream</c> keyword whose data begins with a zlib
/// header is inflated, whatever its dictionary says: a dictionary can spell /FlateDecode with # escapes or give its
/// /Filter by reference, and the data is what a reader inflates. Inflating is streamed through one 64 KiB buffer, and all
/// of a PDF's streams together may inflate to at most <see cref="PdfInflateBudget"/>: past that the PDF is refused, as a
/// decompression bomb would be (a program could hide behind it), where a document of 10 MB inflates to a few times its
/// size. A stream that stops inflating (damaged) is looked through as far as it goes, as a reader shows it so far; the
/// damage alone is no reason to refuse a file that readers open. Other filters (LZW, ASCII hex, run length) are not
/// decoded. A PDF that names an attached file (/EmbeddedFile, /EmbeddedFiles, /FileAttachment) or a /Launch action,
/// # escapes decoded, in its bytes or in its inflated streams, is refused: a registry document is what the official
/// reads, an attachment is a file of any kind (a macro document, an archive) that is neither read nor checkable here,
/// and a launch action opens a program or a file on the reader's machine.
/// </para>
/// IDAT and JPEG scans are not inflated: what an image's pixels hide cannot run as stored, nor does a viewer hand it out.
/// </summary>
public sealed record DocumentFormat(string Name, string ContentType, string Extension)
{
    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png");

    /// <summary>How far from its end a PDF's <c>%%EOF</c> may begin: as far as PDF readers look for it.</summary>
    private const int PdfEndWindow = 1024;

    /// <summary>
    /// How many bytes all of a PDF's Flate streams may inflate to: sixteen times the largest document, about a second of
    /// work at most however the bytes are made, while a document's text and images inflate to a few times their size.
    /// </summary>
    public const long PdfInflateBudget = 16 * ApplicationDocument.MaxSizeBytes;

    /// <summary>
    /// How many Flate streams a PDF may have: each costs setting up an inflater (microseconds), and the half a million tiny
    /// streams that fit in 10 MB would take seconds; a document has hundreds, a long one a few thousand.
    /// </summary>
    public const int PdfMaxStreams = 20_000;

    /// <summary>
    /// The file's format, or null when it is not a whole PDF, JPEG or PNG, or carries a program (a PDF: in its Flate
    /// streams too), or is a PDF with an attachment or a launch action.
    /// </summary>
    /// <param name="content">The file, in an array (as received): a PDF's streams are inflated from it without a copy.</param>
    public static DocumentFormat? Detect(ArraySegment<byte> content)
    {
        var bytes = content.AsSpan();
        var format = IsPdf(bytes) ? Pdf : IsPng(bytes) ? Png : IsJpeg(bytes) ? Jpeg : null;
        if (format is null || new ContentScanner(format == Pdf, windowed: false).Finds(bytes, 0, bytes.Length))
        {
            return null;
        }

        return format == Pdf && PdfStreamsCarrySomething(content) ? null : format;
    }

    private static bool IsPdf(ReadOnlySpan<byte> content)
    {
        if (content.Length < 8 || !content.StartsWith("%PDF-"u8) || content[5] is not ((byte)'1' or (byte)'2')
            || content[6] != '.' || !char.IsAsciiDigit((char)content[7]))
        {
            return false;
        }

        return content[Math.Max(8, content.Length - PdfEndWindow)..].IndexOf("%%EOF"u8) >= 0;
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
            if (length > (uint)(chunks.Length - 12) || !IsAsciiLetters(type) || first != type.SequenceEqual("IHDR"u8) || (first && length != 13)
                || BinaryPrimitives.ReadUInt32BigEndian(chunks[(8 + (int)length)..]) != Crc32(chunks.Slice(4, 4 + (int)length)))
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

    /// <summary>Whether a PDF's Flate streams, inflated, carry a program or name an attachment or a launch action.</summary>
    private static bool PdfStreamsCarrySomething(ArraySegment<byte> pdf)
    {
        var bytes = pdf.AsSpan();
        var buffer = new byte[ContentScanner.BufferSize];
        var scanner = new ContentScanner(pdf: true, windowed: true);
        var budget = PdfInflateBudget;
        var streams = 0;
        for (var at = bytes.IndexOf("stream"u8); at >= 0; at = Next(bytes, at, "stream"u8))
        {
            // The data begins after the keyword's end of line; readers tolerate other white-space before it, and none of
            // it can begin a zlib header (whose low four bits are 8).
            var data = at + 6;
            while (data < bytes.Length && IsPdfWhiteSpace(bytes[data]))
            {
                data++;
            }

            if ((at >= 3 && bytes.Slice(at - 3, 3).SequenceEqual("end"u8)) || bytes.Length - data < 2 || !IsZlibHeader(bytes[data], bytes[data + 1]))
            {
                continue;
            }

            if (++streams > PdfMaxStreams)
            {
                return true;
            }

            // The rest of the file, not the stream's /Length: the zlib stream ends by itself, as it does in a reader.
            using var source = new MemoryStream(pdf.Array!, pdf.Offset + data, pdf.Count - data, writable: false);
            if (InflatedCarriesSomething(source, buffer, scanner, ref budget))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InflatedCarriesSomething(Stream compressed, byte[] buffer, ContentScanner scanner, ref long budget)
    {
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        scanner.Restart();
        long start = 0;
        var filled = 0;
        try
        {
            int read;
            while ((read = inflater.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                budget -= read;
                if (budget < 0)
                {
                    return true;
                }

                filled += read;
                if (filled == buffer.Length)
                {
                    // The last bytes are kept for the next round, so that what begins near the end is seen whole.
                    var scanned = filled - ContentScanner.Lookahead;
                    if (scanner.Finds(buffer.AsSpan(0, filled), start, scanned))
                    {
                        return true;
                    }

                    buffer.AsSpan(scanned, ContentScanner.Lookahead).CopyTo(buffer);
                    start += scanned;
                    filled = ContentScanner.Lookahead;
                }
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on: what came before is looked through below, as a reader would show it.
        }

        return scanner.Finds(buffer.AsSpan(0, filled), start, filled);
    }

    /// <summary>A zlib header as RFC 1950 defines it: deflate, a window of at most 32 KiB, no preset dictionary.</summary>
    private static bool IsZlibHeader(byte cmf, byte flg) => (cmf & 0x0F) == 8 && cmf >> 4 <= 7 && (flg & 0x20) == 0 && ((cmf << 8) | flg) % 31 == 0;

    private static bool IsPdfWhiteSpace(byte b) => b is 0x00 or 0x09 or 0x0A or 0x0C or 0x0D or 0x20;

    /// <summary>
    /// Looks through bytes seen whole (a file) or a window at a time (an inflated stream) for a program and, in a PDF,
    /// for the names of an attachment or a launch action. A window is looked through for what begins before its last
    /// <see cref="Lookahead"/> bytes, which the next window begins with. One pass from one possible sign to the next, each
    /// looked at in a few steps: a stream made of signs (MZMZ…, ////…) costs a little more per byte, never per sign
    /// searched for again.
    /// </summary>
    /// <param name="pdf">Whether PDF names are looked for too.</param>
    /// <param name="windowed">
    /// Whether the bytes come a window at a time. Only then can a DOS header's PE signature lie beyond the bytes at hand,
    /// to be awaited in a later window: seen whole, a PE signature is checked where its header points, and a <c>P</c> is
    /// nothing to stop at.
    /// </param>
    private sealed class ContentScanner(bool pdf, bool windowed)
    {
        public const int Lookahead = 64;

        public const int BufferSize = (64 * 1024) + Lookahead;

        /// <summary>As many DOS headers as may wait for their PE signature further on: far more than any document shows.</summary>
        private const int MaxAwaited = 65_536;

        /// <summary>The first byte of each sign looked for: a DOS header, a PE signature, an ELF identification, a PDF name.</summary>
        private static readonly SearchValues<byte> WindowSigns = SearchValues.Create("MP\x7F/"u8);

        /// <summary>The same without the PE signature's, which nothing awaits in bytes seen whole.</summary>
        private static readonly SearchValues<byte> WholeSigns = SearchValues.Create("M\x7F/"u8);

        private readonly SearchValues<byte> _signs = windowed ? WindowSigns : WholeSigns;

        /// <summary>What ends a PDF name: white-space and delimiters.</summary>
        private static readonly SearchValues<byte> NameEnds = SearchValues.Create("\0\t\n\f\r ()<>[]{}/%"u8);

        /// <summary>Where DOS headers already passed expect a PE signature, beyond the window they were seen in; nearest first.</summary>
        private readonly PriorityQueue<long, long> _awaited = new();

        /// <summary>Ready for another stream: what the last one awaited is no longer looked for.</summary>
        public void Restart() => _awaited.Clear();

        /// <param name="window">The bytes at hand; the first is at <paramref name="start"/> in the whole.</param>
        /// <param name="start">Where the window begins in the whole.</param>
        /// <param name="end">What begins before it is looked at; the whole ends with the window when it is its length.</param>
        public bool Finds(ReadOnlySpan<byte> window, long start, int end)
        {
            var last = end == window.Length;
            for (var at = window[..end].IndexOfAny(_signs); at >= 0; at = NextSign(window, at, end))
            {
                switch (window[at])
                {
                    case (byte)'M' when at + 64 <= window.Length && window[at + 1] == 'Z':
                    {
                        // The DOS header is 64 bytes; its last four give the offset of the PE header from the header's start.
                        var offset = BinaryPrimitives.ReadUInt32LittleEndian(window[(at + 0x3C)..]);
                        var pe = start + at + offset;
                        if (offset < 64)
                        {
                            break;
                        }

                        if (pe + 4 <= start + window.Length)
                        {
                            if (window.Slice((int)(pe - start), 4).SequenceEqual("PE\0\0"u8))
                            {
                                return true;
                            }
                        }
                        else if (!last && offset <= PdfInflateBudget && !Await(pe, start))
                        {
                            return true;
                        }

                        break;
                    }

                    case (byte)'P' when _awaited.Count > 0 && window[at..].StartsWith("PE\0\0"u8):
                        while (_awaited.TryPeek(out var awaited, out _) && awaited < start + at)
                        {
                            _awaited.Dequeue();
                        }

                        if (_awaited.TryPeek(out var next, out _) && next == start + at)
                        {
                            return true;
                        }

                        break;
                    case 0x7F when at + 7 <= window.Length && window.Slice(at + 1, 3).SequenceEqual("ELF"u8)
                        && window[at + 4] is 1 or 2 && window[at + 5] is 1 or 2 && window[at + 6] == 1:
                        return true;
                    case (byte)'/' when pdf && at + 1 < window.Length && window[at + 1] is (byte)'E' or (byte)'F' or (byte)'L' or (byte)'#'
                        && NamesAttachmentOrLaunch(window[(at + 1)..]):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The next possible sign: the few bytes after a sign one by one (signs come in runs), then a vector search.</summary>
        private int NextSign(ReadOnlySpan<byte> window, int at, int end)
        {
            var near = Math.Min(end, at + 16);
            for (var i = at + 1; i < near; i++)
            {
                if (_signs.Contains(window[i]))
                {
                    return i;
                }
            }

            var next = near < end ? window[near..end].IndexOfAny(_signs) : -1;
            return next < 0 ? -1 : near + next;
        }

        /// <summary>Keeps a PE signature's expected place; false when too many are waiting, which no document does.</summary>
        private bool Await(long pe, long start)
        {
            // Those already passed are the nearest, at the head of the queue.
            while (_awaited.Count >= MaxAwaited && _awaited.Peek() < start)
            {
                _awaited.Dequeue();
            }

            if (_awaited.Count >= MaxAwaited)
            {
                return false;
            }

            _awaited.Enqueue(pe, pe);
            return true;
        }

        /// <summary>Whether the PDF name that begins <paramref name="name"/> (after its slash), # escapes decoded, is one refused.</summary>
        private static bool NamesAttachmentOrLaunch(ReadOnlySpan<byte> name)
        {
            // The names refused are at most 14 letters, each written as itself or as # and two hex digits.
            var length = name.IndexOfAny(NameEnds);
            if (length < 0)
            {
                length = name.Length;
            }

            if (length > 14 * 3)
            {
                return false;
            }

            name = name[..length];
            if (name.IndexOf((byte)'#') < 0)
            {
                return IsRefusedName(name);
            }

            Span<byte> decoded = stackalloc byte[14 * 3];
            var count = 0;
            for (var i = 0; i < name.Length; i++)
            {
                var b = name[i];
                if (b == '#' && i + 2 < name.Length && char.IsAsciiHexDigit((char)name[i + 1]) && char.IsAsciiHexDigit((char)name[i + 2]))
                {
                    b = (byte)((HexValue(name[i + 1]) << 4) | HexValue(name[i + 2]));
                    i += 2;
                }

                decoded[count++] = b;
            }

            return IsRefusedName(decoded[..count]);
        }

        private static bool IsRefusedName(ReadOnlySpan<byte> name) =>
            name.SequenceEqual("EmbeddedFile"u8) || name.SequenceEqual("EmbeddedFiles"u8) || name.SequenceEqual("FileAttachment"u8) || name.SequenceEqual("Launch"u8);

        private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, the polynomial reflected as EDB88320), a table of 256 entries.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

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
