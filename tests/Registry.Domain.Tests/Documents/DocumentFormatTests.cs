using System.Buffers.Binary;
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
        ["PDF, text after %%EOF"] = [.. Pdf, .. "<script>"u8],
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

        Assert.All(Enumerable.Range(0, shortestWhole), length => Assert.Null(DocumentFormat.Detect(whole.AsSpan(0, length))));
        Assert.NotNull(DocumentFormat.Detect(whole.AsSpan(0, shortestWhole)));
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

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        // The CRC is left at zero: recognition does not read it.
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        return chunk;
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
