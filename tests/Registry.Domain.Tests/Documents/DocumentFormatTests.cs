using System.Buffers.Binary;
using System.IO.Compression;
using Registry.Domain.Documents;

namespace Registry.Domain.Tests.Documents;

public sealed class DocumentFormatTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    // A 1×1 grey PNG and a 1×1 grey baseline JPEG, both shown by a browser.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        .. Chunk("IHDR", [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00]),
        .. Chunk("IDAT", [0x78, 0xDA, 0x63, 0xF8, 0x0F, 0x00, 0x01, 0x01, 0x01, 0x00]),
        .. Chunk("IEND", []),
    ];

    private static readonly byte[] Jpeg =
    [
        0xFF, 0xD8,
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)0x01, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[16],
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[16],
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F,
        0xFF, 0xD9,
    ];

    /// <summary>The start of a Windows program: DOS header, stub, and the PE header its e_lfanew (0x3C) points at.</summary>
    private static readonly byte[] WindowsProgram = WindowsProgramBytes();

    /// <summary>The identification and first fields of a 64-bit little-endian Linux program.</summary>
    private static readonly byte[] LinuxProgram = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[8], 0x02, 0x00, 0x3E, 0x00, 0x01, 0x00, 0x00, 0x00];

    private static readonly Dictionary<string, byte[]> Accepted = new()
    {
        ["PDF"] = Pdf,
        ["PDF 2.0"] = "%PDF-2.0\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        ["PDF, CR LF after %%EOF"] = [.. Pdf[..^1], .. "\r\n"u8],
        ["PDF, NULs and spaces after %%EOF"] = [.. Pdf, .. new byte[900], .. "  \t\f\r\n"u8],
        ["PDF, %%EOF at the very start of its last 1024 bytes"] = [.. Pdf[..^1], .. new byte[1024 - 5]],
        ["PDF, an earlier %%EOF (an incremental update)"] = [.. Pdf, .. "2 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8],
        ["PDF naming AMZIL, an MZ with no PE header"] = [.. "%PDF-1.7\n(AMZIL Fatima, trésorière de la coopérative depuis 2019, née à Tiznit.)\n"u8, .. Pdf[9..]],
        ["PDF, an MZ whose e_lfanew points at no PE header"] = [.. "%PDF-1.7\n"u8, .. WindowsProgram[..0x80], .. "PX\0\0"u8, .. Pdf[9..]],
        ["PDF, a mail gateway's text after %%EOF"] = [.. Pdf, .. "\r\n-- \r\nScanned by MailGuard <script>\r\n"u8],
        ["PDF, a scanner's bytes after %%EOF"] = [.. Pdf, .. RandomBytes(1000)],
        ["PDF, a page in a Flate stream"] = FlatePdf("BT /F1 12 Tf 72 712 Td (Statuts de la cooperative) Tj ET"u8),
        ["PDF, a Flate stream of 1 MB"] = FlatePdf(RandomBytes(1024 * 1024)),
        ["PDF, a Flate stream damaged halfway"] = Damaged(FlatePdf(RandomBytes(4096))),
        ["PDF, an MZ in a Flate stream whose e_lfanew points past its end"] = FlatePdf([.. WindowsProgram[..0x40], .. new byte[200]]),
        ["PDF, a Flate stream of 60,000 DOS headers whose PE headers would be past its end"] = FlatePdf(DosHeaders(60_000)),
        ["PDF, a stream of another filter that looks like zlib"] = [.. "%PDF-1.7\n1 0 obj<</Length 6/Filter/LZWDecode>>stream\r\n\x78\x9C\x01\x02\x03\x04\r\nendstream\nendobj\n"u8, .. Pdf[9..]],
        ["PNG"] = Png,
        ["PNG with a text chunk"] = [.. Png[..^12], .. Chunk("tEXt", "Title\0Statuts"u8), .. Png[^12..]],
        ["JPEG"] = Jpeg,
        ["JPEG padded with zeros"] = [.. Jpeg, .. new byte[4096]],
        ["JPEG, a phone's video after EOI (a motion photo)"] = [.. Jpeg, .. "\0\0\0\x18ftypmp42\0\0\0\0mp42isom"u8, .. RandomBytes(4096)],
        ["JPEG with an APP0 segment and fill bytes"] = [0xFF, 0xD8, 0xFF, 0xFF, 0xE0, 0x00, 0x07, .. "JFIF\0"u8, .. Jpeg[2..]],
    };

    private static readonly Dictionary<string, byte[]> Refused = new()
    {
        ["empty"] = [],
        ["a Windows program"] = WindowsProgram,
        ["a Linux program"] = LinuxProgram,
        ["PDF header then a program"] = [.. "%PDF-1.7\n"u8, .. WindowsProgram],
        ["PDF header then a program ending %%EOF"] = [.. "%PDF-1.7\n"u8, .. WindowsProgram, .. "\n%%EOF\n"u8],
        ["PDF header then a Linux program ending %%EOF"] = [.. "%PDF-1.7\n"u8, .. LinuxProgram, .. "\n%%EOF\n"u8],
        ["PDF header then random bytes"] = [.. "%PDF-1.7\n"u8, .. RandomBytes(4096)],
        ["PDF without %%EOF"] = Pdf[..^6],
        ["PDF, a program after %%EOF"] = [.. Pdf, .. WindowsProgram],
        ["PDF, a program in a Flate stream"] = FlatePdf(WindowsProgram),
        ["PDF, a Linux program in a Flate stream"] = FlatePdf(LinuxProgram),
        ["PDF, a program in a Flate stream its dictionary spells with # escapes"] = FlatePdf(WindowsProgram, "/Filter/Fl#61teDecode"),
        ["PDF, a program in a Flate stream whose filter is given by reference"] = FlatePdf(WindowsProgram, "/Filter 9 0 R"),
        ["PDF, a program in a Flate stream with spaces before its end of line"] = FlatePdf(WindowsProgram, eol: "  \n"),
        ["PDF, a program in a Flate stream whose keyword ends with CR alone"] = FlatePdf(WindowsProgram, eol: "\r"),
        ["PDF, a program in a Flate stream after %%EOF"] = [.. Pdf, .. FlatePdf(WindowsProgram)[9..]],
        ["PDF, a program in a Flate stream, then the stream damaged"] = Damaged(FlatePdf([.. WindowsProgram, .. RandomBytes(4096)])),
        ["PDF, a program across two of the inflater's buffers"] = FlatePdf([.. new byte[(64 * 1024) - 30], .. WindowsProgram]),
        ["PDF, a Linux program across two of the inflater's buffers"] = FlatePdf([.. new byte[(64 * 1024) - 3], .. LinuxProgram]),
        ["PDF, a program in a Flate stream, its PE header 3 MB after its DOS header"] = FlatePdf(FarProgram(3 * 1024 * 1024)),
        ["PDF, a program in the second of two Flate streams"] = FlatePdf(RandomBytes(1000), then: WindowsProgram),
        ["PDF, a Flate stream of 70,000 DOS headers awaiting their PE headers at once"] = FlatePdf([.. DosHeaders(70_000), .. new byte[16 * 1024 * 1024]]),
        ["PDF, an embedded file"] = [.. "%PDF-1.7\n2 0 obj<</Type/EmbeddedFile/Length 5>>stream\nhello\nendstream\nendobj\n"u8, .. Pdf[9..]],
        ["PDF, an attachments name tree"] = [.. "%PDF-1.7\n1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 3 0 R>>>>endobj\n"u8, .. Pdf[9..]],
        ["PDF, a file attachment annotation"] = [.. "%PDF-1.7\n4 0 obj<</Type/Annot/Subtype/FileAttachment/FS 5 0 R>>endobj\n"u8, .. Pdf[9..]],
        ["PDF, a launch action"] = [.. "%PDF-1.7\n1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj\n"u8, .. Pdf[9..]],
        ["PDF, a launch action spelt with # escapes"] = [.. "%PDF-1.7\n1 0 obj<</OpenAction<</S/L#61un#63h/F(cmd.exe)>>>>endobj\n"u8, .. Pdf[9..]],
        ["PDF, a launch action in a compressed object stream"] = FlatePdf("1 0 <</Type/Catalog/OpenAction<</S /Launch /F (cmd.exe)>>>>"u8, "/Type/ObjStm/N 1/First 4/Filter/FlateDecode"),
        ["PDF, %%EOF further than 1024 bytes from the end"] = [.. Pdf[..^1], .. new byte[1024 - 4]],
        ["PDF version 3.0"] = [.. "%PDF-3.0"u8, .. Pdf[8..]],
        ["PDF version 1.x"] = [.. "%PDF-1.x"u8, .. Pdf[8..]],
        ["PDF header only"] = "%PDF-1.7"u8.ToArray(),
        ["PNG signature then a program"] = [.. Png[..8], .. WindowsProgram],
        ["PNG signature then random bytes"] = [.. Png[..8], .. RandomBytes(4096)],
        ["PNG without IEND"] = Png[..^12],
        ["PNG, a zero after IEND"] = [.. Png, 0x00],
        ["PNG, a program after IEND"] = [.. Png, .. WindowsProgram],
        ["PNG without IDAT"] = [.. Png[..33], .. Png[^12..]],
        ["PNG, IDAT before IHDR"] = [.. Png[..8], .. Png[33..^12], .. Png[8..33], .. Png[^12..]],
        ["PNG, a chunk longer than the file"] = [.. Png[..33], 0x7F, 0xFF, 0xFF, 0xFF, .. Png[37..]],
        ["PNG, a wrong checksum on IHDR"] = Altered(Png, 29),
        ["PNG, a wrong checksum on IEND"] = Altered(Png, Png.Length - 1),
        ["PNG, image data changed under its checksum"] = Altered(Png, 41),
        ["PNG, a text chunk changed under its checksum"] = Altered([.. Png[..^12], .. Chunk("tEXt", "Title\0Statuts"u8), .. Png[^12..]], 65),
        ["PNG, the checksums left at zero"] = [.. Png[..29], 0, 0, 0, 0, .. Png[33..51], 0, 0, 0, 0, .. Png[55..^4], 0, 0, 0, 0],
        ["PNG, a program in a text chunk"] = [.. Png[..^12], .. Chunk("tEXt", [.. "Comment\0"u8, .. WindowsProgram]), .. Png[^12..]],
        ["JPEG start then a program"] = [0xFF, 0xD8, 0xFF, 0xE0, .. WindowsProgram, 0xFF, 0xD9],
        ["JPEG start then random bytes ending FF D9"] = [0xFF, 0xD8, 0xFF, .. RandomBytes(4096), 0xFF, 0xD9],
        ["JPEG without EOI"] = Jpeg[..^2],
        ["JPEG, a program after EOI"] = [.. Jpeg, .. WindowsProgram],
        ["JPEG without a frame header"] = [.. Jpeg[..71], .. Jpeg[84..]],
        ["JPEG, a program in an APP1 segment"] = [0xFF, 0xD8, 0xFF, 0xE1, 0x02, 0x02, .. WindowsProgram, .. Jpeg[2..]],
    };

    public static TheoryData<string> AcceptedFiles => [.. Accepted.Keys];

    public static TheoryData<string> RefusedFiles => [.. Refused.Keys];

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void A_whole_PDF_PNG_or_JPEG_is_recognised_with_the_trailing_bytes_its_readers_tolerate(string file)
    {
        var expected = file.Split(' ', ',')[0] switch
        {
            "PDF" => DocumentFormat.Pdf,
            "PNG" => DocumentFormat.Png,
            _ => DocumentFormat.Jpeg,
        };

        Assert.Equal(expected, DocumentFormat.Detect(Accepted[file]));
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void A_file_that_only_begins_like_a_PDF_PNG_or_JPEG_or_carries_a_program_is_not_recognised(string file)
    {
        Assert.Null(DocumentFormat.Detect(Refused[file]));
    }

    [Theory]
    [InlineData("PNG")]
    [InlineData("JPEG")]
    [InlineData("PDF")]
    public void A_file_cut_short_anywhere_is_not_recognised(string format)
    {
        // A PDF's last newline is optional: it is whole from its %%EOF on.
        var (whole, shortestWhole) = format switch
        {
            "PNG" => (Png, Png.Length),
            "JPEG" => (Jpeg, Jpeg.Length),
            _ => (Pdf, Pdf.Length - 1),
        };

        Assert.All(Enumerable.Range(0, shortestWhole), length => Assert.Null(DocumentFormat.Detect(new ArraySegment<byte>(whole, 0, length))));
        Assert.NotNull(DocumentFormat.Detect(new ArraySegment<byte>(whole, 0, shortestWhole)));
    }

    [Fact]
    public void A_program_anywhere_in_a_10_MB_file_is_found()
    {
        // NULs are PDF white-space: between the header line and the object they keep the file a PDF.
        byte[] large = [.. Pdf[..9], .. new byte[10 * 1024 * 1024], .. Pdf[9..]];

        Assert.Equal(DocumentFormat.Pdf, DocumentFormat.Detect(large));
        WindowsProgram.CopyTo(large, 5 * 1024 * 1024);
        Assert.Null(DocumentFormat.Detect(large));
    }

    [Fact]
    public void The_test_PNG_carries_the_checksums_of_the_PNG_a_browser_shows()
    {
        Assert.Equal([0x3A, 0x7E, 0x9B, 0x55], Png[29..33]);
        Assert.Equal([0x1C, 0xB0, 0x8C, 0x99], Png[51..55]);
        Assert.Equal([0xAE, 0x42, 0x60, 0x82], Png[^4..]);
    }

    [Fact]
    public void A_PDF_whose_streams_inflate_to_more_than_the_budget_is_refused()
    {
        // Two streams of zeros (about a thousand to one): the budget is for the whole file, not for each stream.
        var half = DocumentFormat.PdfInflateBudget / 2;

        Assert.Equal(DocumentFormat.Pdf, DocumentFormat.Detect(ZerosPdf(half, half)));
        Assert.Null(DocumentFormat.Detect(ZerosPdf(half, half + 1)));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_before_it_is_inflated_whole()
    {
        // 1 GB of zeros, 1 MB once compressed: the work stops at the budget.
        var bomb = ZerosPdf(1024L * 1024 * 1024);
        var timer = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(DocumentFormat.Detect(bomb));
        Assert.InRange(timer.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_PDF_of_more_Flate_streams_than_the_limit_is_refused()
    {
        var stream = Zlib("q Q"u8);
        byte[] Streams(int count)
        {
            using var pdf = new MemoryStream();
            pdf.Write("%PDF-1.7\n"u8);
            for (var i = 1; i <= count; i++)
            {
                WriteStream(pdf, i, stream, "/Filter/FlateDecode", "\n");
            }

            pdf.Write("trailer<<>>\n%%EOF\n"u8);
            return pdf.ToArray();
        }

        Assert.Equal(DocumentFormat.Pdf, DocumentFormat.Detect(Streams(DocumentFormat.PdfMaxStreams)));
        Assert.Null(DocumentFormat.Detect(Streams(DocumentFormat.PdfMaxStreams + 1)));
    }

    private static byte[] ZerosPdf(params long[] streams)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < streams.Length; i++)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest))
            {
                for (var left = streams[i]; left > 0; left -= zeros.Length)
                {
                    zlib.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
                }
            }

            WriteStream(pdf, i + 1, compressed.ToArray(), "/Filter/FlateDecode", "\n");
        }

        pdf.Write("trailer<<>>\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>CRC-32 bit by bit, as PNG's specification gives it (not the table the registry uses).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    /// <summary>A PNG with one byte of its chunk at <paramref name="offset"/> changed, length and type aside.</summary>
    private static byte[] Altered(byte[] png, int offset)
    {
        var altered = png.ToArray();
        altered[offset] ^= 0x01;
        return altered;
    }

    /// <summary>
    /// A PDF with a stream holding <paramref name="data"/> compressed with zlib, as /FlateDecode has it, and with a second
    /// such stream holding <paramref name="then"/> if given.
    /// </summary>
    private static byte[] FlatePdf(ReadOnlySpan<byte> data, string dictionary = "/Filter/FlateDecode", byte[]? then = null, string eol = "\r\n")
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        WriteStream(pdf, 1, Zlib(data), dictionary, eol);
        if (then is not null)
        {
            WriteStream(pdf, 2, Zlib(then), dictionary, eol);
        }

        pdf.Write("trailer<<>>\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    private static void WriteStream(MemoryStream pdf, int number, byte[] compressed, string dictionary, string eol)
    {
        pdf.Write(System.Text.Encoding.ASCII.GetBytes($"{number} 0 obj<</Length {compressed.Length}{dictionary}>>stream{eol}"));
        pdf.Write(compressed);
        pdf.Write("\r\nendstream\nendobj\n"u8);
    }

    private static byte[] Zlib(ReadOnlySpan<byte> data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>A PDF whose (only) stream's compressed data is overwritten from its middle on with bytes zlib refuses.</summary>
    private static byte[] Damaged(byte[] pdf)
    {
        var damaged = pdf.ToArray();
        var data = damaged.AsSpan().IndexOf("stream\r\n"u8) + 8;
        var end = damaged.AsSpan().IndexOf("\r\nendstream"u8);
        damaged.AsSpan((data + end) / 2, (end - data) / 2).Fill(0xFF);
        return damaged;
    }

    /// <summary>DOS headers one after the other, each pointing 16 MB further on for its PE header.</summary>
    private static byte[] DosHeaders(int count)
    {
        var headers = new byte[count * 64];
        for (var at = 0; at < headers.Length; at += 64)
        {
            "MZ"u8.CopyTo(headers.AsSpan(at));
            BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(at + 0x3C), 16 * 1024 * 1024);
        }

        return headers;
    }

    /// <summary>A Windows program whose PE header is <paramref name="distance"/> bytes after its DOS header.</summary>
    private static byte[] FarProgram(int distance)
    {
        var program = new byte[distance + 0x180];
        WindowsProgram.AsSpan(0, 0x80).CopyTo(program);
        BinaryPrimitives.WriteInt32LittleEndian(program.AsSpan(0x3C), distance);
        WindowsProgram.AsSpan(0x80).CopyTo(program.AsSpan(distance));
        return program;
    }

    private static byte[] WindowsProgramBytes()
    {
        var program = new byte[0x200];
        "MZ"u8.CopyTo(program);
        program[0x3C] = 0x80;
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(program.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(program.AsSpan(0x80));
        BinaryPrimitives.WriteUInt16LittleEndian(program.AsSpan(0x84), 0x8664);
        return program;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20_260_302).NextBytes(bytes);
        return bytes;
    }
}
