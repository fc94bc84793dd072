namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// Application bodies as an applicant would send them, lawful unless a test says otherwise. Their founding dates are in
/// the past of every clock a test drafts them on (the killed-worker test registers them from 2024-03-01), as a founding
/// date after today is refused.
/// </summary>
public static class Samples
{
    private static int _counter = Random.Shared.Next(100_000);

    /// <summary>A name nobody else in the test run uses.</summary>
    public static string UniqueLatin(string stem = "Coopérative Test") => $"{stem} {Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// A lawful cooperative in Casablanca (province 141, region 06): five members (one legal person),
    /// shares of 100 MAD, 5,000 MAD subscribed and more than a quarter paid, one manager for three years.
    /// </summary>
    public static object Cooperative(string province = "141", string form = "COOP", string sector = "AGRI", string? nameLatin = null, string? nameAr = null) => new
    {
        legalForm = form,
        nameAr,
        nameLatin = nameLatin ?? UniqueLatin(),
        sectorCode = sector,
        seatAddress = "1 avenue Hassan II",
        provinceCode = province,
        foundingDate = "2024-01-15",
        financialYearEnd = "12-31",
        contactEmail = "contact@coop.test",
        contactPhone = "+212 600000000",
        shareValue = 100,
        members = new object[]
        {
            new { kind = "NaturalPerson", fullNameLatin = "Fatima Zahra", cin = "AB123456", birthDate = "1985-04-02", gender = "Female", nationality = "MA", address = "Derb Sultan", sharesSubscribed = 10, sharesPaid = 5 },
            new { kind = "NaturalPerson", fullNameAr = "يوسف", cin = "C98765", birthDate = "1979-01-20", gender = "Male", nationality = "MA", sharesSubscribed = 10, sharesPaid = 10 },
            new { kind = "NaturalPerson", fullNameLatin = "Khadija Amrani", cin = "BE55443", birthDate = "1990-09-09", gender = "Female", nationality = "MA", sharesSubscribed = 10, sharesPaid = 3 },
            new { kind = "NaturalPerson", fullNameLatin = "Hassan Idrissi", cin = "D112233", birthDate = "2000-02-28", gender = "Male", nationality = "MA", sharesSubscribed = 10, sharesPaid = 3 },
            new { kind = "LegalPerson", legalName = "Association Partenaire", legalIdentifier = "ASSO-06-2020-000001", sharesSubscribed = 10, sharesPaid = 10 },
        },
        officers = new object[]
        {
            new { role = "Manager", fullNameLatin = "Fatima Zahra", cin = "AB123456", birthDate = "1985-04-02", nationality = "MA", profession = "Agricultrice", address = "Derb Sultan", mandateStart = "2026-01-15", mandateEnd = "2029-01-15" },
        },
    };

    /// <summary>A lawful association: two founders and a board with every detail the 1958 dahir asks for.</summary>
    public static object Association(string province = "141", string? nameLatin = null) => new
    {
        legalForm = "ASSO",
        nameLatin = nameLatin ?? UniqueLatin("Association Test"),
        sectorCode = "SPORT",
        seatAddress = "5 rue Ibn Sina",
        provinceCode = province,
        foundingDate = "2024-02-01",
        financialYearEnd = "12-31",
        members = new object[]
        {
            new { kind = "NaturalPerson", fullNameLatin = "Amina Tazi", cin = "AB111111", birthDate = "1980-01-01", gender = "Female", nationality = "MA" },
            new { kind = "NaturalPerson", fullNameLatin = "Omar Alaoui", cin = "AB222222", birthDate = "1982-01-01", gender = "Male", nationality = "MA" },
        },
        officers = new object[]
        {
            new { role = "President", fullNameLatin = "Amina Tazi", cin = "AB111111", birthDate = "1980-01-01", nationality = "MA", profession = "Enseignante", address = "Rabat", mandateStart = "2026-02-01", mandateEnd = "2029-02-01" },
        },
    };

    /// <summary>A lawful mutual society: Moroccan administrators over 21, participating members.</summary>
    public static object Mutual(string province = "141") => new
    {
        legalForm = "MUTU",
        nameLatin = UniqueLatin("Mutuelle Test"),
        sectorCode = "PROTECTION_SOCIALE",
        seatAddress = "3 boulevard Zerktouni",
        provinceCode = province,
        foundingDate = "2024-01-10",
        financialYearEnd = "12-31",
        members = new object[]
        {
            new { kind = "NaturalPerson", fullNameLatin = "Nadia Berrada", cin = "BK100001", birthDate = "1975-01-01", gender = "Female", nationality = "MA" },
            new { kind = "NaturalPerson", fullNameLatin = "Karim Bennani", cin = "BK100002", birthDate = "1970-01-01", gender = "Male", nationality = "MA" },
        },
        officers = new object[]
        {
            new { role = "President", fullNameLatin = "Nadia Berrada", cin = "BK100001", birthDate = "1975-01-01", nationality = "MA", profession = "Médecin", address = "Casablanca", mandateStart = "2025-01-10", mandateEnd = "2029-01-10", isParticipatingMember = true },
            new { role = "Treasurer", fullNameLatin = "Karim Bennani", cin = "BK100002", birthDate = "1970-01-01", nationality = "MA", profession = "Comptable", address = "Casablanca", mandateStart = "2025-01-10", mandateEnd = "2029-01-10", isParticipatingMember = true },
        },
    };

    /// <summary>The smallest PDF the registry recognises: a header, an object, a trailer and <c>%%EOF</c>.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A 1×1 grey PNG: signature, IHDR, IDAT, IEND (a browser shows it).</summary>
    public static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B, 0x55,
        0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xF8, 0x0F, 0x00, 0x01, 0x01, 0x01, 0x00, 0x1C, 0xB0, 0x8C, 0x99,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>
    /// A 1×1 grey baseline JPEG (a browser shows it): SOI, a quantisation table, the frame, one-code Huffman tables, the
    /// scan's one byte, EOI.
    /// </summary>
    public static readonly byte[] Jpeg =
    [
        0xFF, 0xD8,
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)0x01, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[16],
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[16],
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F,
        0xFF, 0xD9,
    ];

    /// <summary>
    /// A PDF of exactly <paramref name="length"/> bytes: <see cref="Pdf"/> with NULs (white-space to PDF) between its header
    /// line and its object, so that its <c>%%EOF</c> stays at its end.
    /// </summary>
    public static byte[] PdfOfLength(int length)
    {
        var header = "%PDF-1.4\n"u8;
        var pdf = new byte[length];
        header.CopyTo(pdf);
        Pdf.AsSpan(header.Length).CopyTo(pdf.AsSpan(length - (Pdf.Length - header.Length)));
        return pdf;
    }

    /// <summary>A PDF whose one stream holds <paramref name="content"/> compressed, as /FlateDecode has it.</summary>
    public static byte[] FlatePdf(ReadOnlySpan<byte> content)
    {
        using var zlibbed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(zlibbed, System.IO.Compression.CompressionLevel.Optimal))
        {
            zlib.Write(content);
        }

        var compressed = zlibbed.ToArray();
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        pdf.Write(System.Text.Encoding.ASCII.GetBytes($"1 0 obj<</Length {compressed.Length}/Filter/FlateDecode>>stream\r\n"));
        pdf.Write(compressed);
        pdf.Write("\r\nendstream\nendobj\ntrailer<<>>\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    /// <summary>
    /// The start of a Windows program: a DOS header whose e_lfanew (at 0x3C) points at the PE signature and an x86-64
    /// COFF header, the DOS stub's message between them.
    /// </summary>
    public static byte[] Executable()
    {
        var program = new byte[0x200];
        "MZ"u8.CopyTo(program);
        program[0x3C] = 0x80;
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(program.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(program.AsSpan(0x80));
        program[0x84] = 0x64;
        program[0x85] = 0x86;
        return program;
    }

    /// <summary>The documents each legal form requires (SPEC §4, REQUIRED_DOCUMENTS and MUTU_FINANCIAL_PLAN).</summary>
    public static IReadOnlyList<string> RequiredDocuments(string form) => form switch
    {
        "COOP" => ["Statutes", "ConstitutiveMinutes", "BankCertificate"],
        "UNION" => ["Statutes", "ConstitutiveMinutes", "MemberCooperativesDecisions"],
        "ASSO" => ["Statutes", "ConstitutiveMinutes", "MembersList", "LocalAuthorityReceipt"],
        _ => ["Statutes", "ConstitutiveMinutes", "FinancialPlan"],
    };
}
