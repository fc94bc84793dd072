using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using Registry.Domain.Names;

namespace Registry.Benchmarks.Approvals;

/// <summary>One prepared application: its id and the region whose official approves it.</summary>
internal sealed record Prepared(Guid Id, string RegionCode, string LegalForm);

internal sealed record PreparationResult(
    IReadOnlyList<Prepared> Applications,
    IReadOnlyDictionary<string, AuthenticationHeaderValue> OfficialTokens,
    long OrganizationsBefore,
    TimeSpan Elapsed);

/// <summary>
/// Not measured. Three lawful applications (a cooperative, an association, a mutual society) are made through the
/// real workflow of the API — drafted, name reserved, required documents attached, submitted — and then cloned
/// set-based in SQL into N applications spread evenly over the 12 regions and their provinces, each with its own
/// owner, name and (for cooperatives) live name reservation, members, officers and documents. The clones are
/// exactly what the API wrote, so approval evaluates the legal rules on real rows.
/// </summary>
internal static class Preparation
{
    private const string OfficialPassword = "Bench-Official-2026!";
    private const string ApplicantPassword = "Bench-Applicant-2026!";

    // The smallest PDF the registry recognises (as tests/Registry.IntegrationTests/Infrastructure/Samples.cs).
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static async Task<PreparationResult> RunAsync(Api api, Options options, string runId)
    {
        var clock = Stopwatch.StartNew();
        var admin = await api.StaffLoginAsync(options.AdminEmail, options.AdminPassword);

        await using var dataSource = NpgsqlDataSource.Create(options.Connection);
        await using var connection = await dataSource.OpenConnectionAsync();
        var regions = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT code FROM registry.regions ORDER BY code", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                regions.Add(reader.GetString(0));
            }
        }

        // One official per region, as a regional office has; each approval goes out with its region's token.
        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var email = $"official.{region}.{runId}@bench.local";
            await api.PostJsonAsync(admin, "/api/v1/admin/users",
                new { email, password = OfficialPassword, role = "RegionalOfficial", regionCodes = new[] { region } }, HttpStatusCode.Created);
            tokens[region] = new AuthenticationHeaderValue("Bearer", await api.StaffLoginAsync(email, OfficialPassword));
        }

        var applicantEmail = $"applicant.{runId}@bench.local";
        await api.RegisterAsync(applicantEmail, ApplicantPassword);
        var applicant = await api.LoginAsync(applicantEmail, ApplicantPassword);
        var templates = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (form, body) in Templates(runId))
        {
            templates[form] = await SubmittedThroughApiAsync(api, applicant, form, body);
        }

        // A cloned cooperative is named "<template name> <n>"; its reservation's key must be what the normaliser
        // makes of that name, which the SQL builds as "<template key> <n>". Check that the two agree.
        var sample = $"Coopérative Banc {runId}";
        if (NameNormalizer.NormalizeLatin(sample + " 12345") != NameNormalizer.NormalizeLatin(sample) + " 12345")
        {
            throw new InvalidOperationException("The normaliser does not keep a trailing number as is; the cloned reservations would not cover their names.");
        }

        long organizationsBefore;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM registry.organizations", connection))
        {
            organizationsBefore = (long)(await count.ExecuteScalarAsync())!;
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var clone = new NpgsqlCommand(CloneSql, connection, transaction);
            clone.CommandTimeout = 600;
            clone.Parameters.AddWithValue("n", options.Applications);
            clone.Parameters.AddWithValue("coop", templates["COOP"]);
            clone.Parameters.AddWithValue("asso", templates["ASSO"]);
            clone.Parameters.AddWithValue("mutu", templates["MUTU"]);
            await clone.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using (var analyze = new NpgsqlCommand(
            "ANALYZE registry.applications, registry.application_members, registry.application_officers, registry.documents, registry.name_reservations",
            connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        var prepared = new List<Prepared>(options.Applications);
        await using (var list = new NpgsqlCommand("SELECT id, region_code, legal_form FROM bench_plan", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                prepared.Add(new Prepared(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        // The order officials work in: shuffled, so every moment has approvals in every region and form.
        var shuffled = prepared.ToArray();
        new Random(20261126).Shuffle(shuffled);
        clock.Stop();
        Console.WriteLine($"prepared {shuffled.Length:N0} submitted applications ({string.Join(", ", shuffled.GroupBy(p => p.LegalForm).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}) " +
            $"in {regions.Count} regions, {tokens.Count} officials, in {clock.Elapsed.TotalSeconds:F1} s (not measured)");
        return new PreparationResult(shuffled, tokens, organizationsBefore, clock.Elapsed);
    }

    private static async Task<Guid> SubmittedThroughApiAsync(Api api, string applicant, string form, object body)
    {
        var created = await api.PostJsonAsync(applicant, "/api/v1/applications", body, HttpStatusCode.Created);
        var id = (string)created!["id"]!;
        if (form is "COOP")
        {
            await api.PostJsonAsync(applicant, "/api/v1/name-reservations",
                new { legalForm = form, nameAr = (string?)created["nameAr"], nameLatin = (string?)created["nameLatin"] }, HttpStatusCode.Created);
        }

        foreach (var kind in RequiredDocuments(form))
        {
            await api.AttachAsync(applicant, id, kind, Pdf);
        }

        await api.PostJsonAsync(applicant, $"/api/v1/applications/{id}/submit", null, HttpStatusCode.OK);
        return Guid.Parse(id);
    }

    private static string[] RequiredDocuments(string form) => form switch
    {
        "COOP" => ["Statutes", "ConstitutiveMinutes", "BankCertificate"],
        "ASSO" => ["Statutes", "ConstitutiveMinutes", "MembersList", "LocalAuthorityReceipt"],
        _ => ["Statutes", "ConstitutiveMinutes", "FinancialPlan"],
    };

    /// <summary>The three lawful templates (as the integration tests' samples): founding dates in 2025–2026.</summary>
    private static (string Form, object Body)[] Templates(string runId) =>
    [
        ("COOP", new
        {
            legalForm = "COOP",
            nameAr = (string?)null,
            nameLatin = $"Coopérative Banc {runId}",
            sectorCode = "AGRI",
            seatAddress = "1 avenue Hassan II",
            provinceCode = "141",
            foundingDate = "2026-01-15",
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
        }),
        ("ASSO", new
        {
            legalForm = "ASSO",
            nameAr = (string?)null,
            nameLatin = $"Association Banc {runId}",
            sectorCode = "SPORT",
            seatAddress = "5 rue Ibn Sina",
            provinceCode = "141",
            foundingDate = "2026-02-01",
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
        }),
        ("MUTU", new
        {
            legalForm = "MUTU",
            nameAr = (string?)null,
            nameLatin = $"Mutuelle Banc {runId}",
            sectorCode = "PROTECTION_SOCIALE",
            seatAddress = "3 boulevard Zerktouni",
            provinceCode = "141",
            foundingDate = "2025-01-10",
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
        }),
    ];

    /// <summary>
    /// The plan (temporary, kept on this connection for listing): the n-th application is in region n mod 12, in one
    /// of that region's provinces in turn, and is a cooperative (50 %), an association (45 %) or a mutual society (5 %),
    /// in every region (the form is drawn from n / 12, independent of the region).
    /// </summary>
    private const string CloneSql = """
        CREATE TEMP TABLE bench_plan ON COMMIT PRESERVE ROWS AS
        WITH regions AS (
            SELECT r.code, row_number() OVER (ORDER BY r.code) - 1 AS k,
                   (SELECT array_agg(p.code ORDER BY p.code) FROM registry.provinces p WHERE p.region_code = r.code) AS provinces
            FROM registry.regions r),
        plan AS (
            SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS owner_id,
                   CASE WHEN (g / 12) % 20 < 10 THEN @coop WHEN (g / 12) % 20 < 19 THEN @asso ELSE @mutu END AS template_id,
                   r.code AS region_code,
                   r.provinces[1 + (g / 12) % cardinality(r.provinces)] AS province_code
            FROM generate_series(1, @n) AS g
            JOIN regions r ON r.k = g % 12)
        SELECT plan.*, t.legal_form, t.name_latin || ' ' || plan.n AS name_latin
        FROM plan JOIN registry.applications t ON t.id = plan.template_id;

        INSERT INTO registry.applications (id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address,
            province_code, region_code, founding_date, financial_year_end, contact_email, contact_phone, created_at, updated_at,
            submitted_at, ice, share_value)
        SELECT b.id, b.owner_id, 'Submitted', t.legal_form, t.name_ar, b.name_latin, t.sector_code, t.seat_address,
            b.province_code, b.region_code, t.founding_date, t.financial_year_end, t.contact_email, t.contact_phone, t.created_at, t.updated_at,
            t.submitted_at, t.ice, t.share_value
        FROM bench_plan b JOIN registry.applications t ON t.id = b.template_id;

        INSERT INTO registry.application_members (registration_application_id, kind, full_name_ar, full_name_latin, cin, birth_date, gender,
            nationality, address, legal_name, legal_identifier, shares_subscribed, shares_paid)
        SELECT b.id, m.kind, m.full_name_ar, m.full_name_latin, m.cin, m.birth_date, m.gender,
            m.nationality, m.address, m.legal_name, m.legal_identifier, m.shares_subscribed, m.shares_paid
        FROM bench_plan b JOIN registry.application_members m ON m.registration_application_id = b.template_id
        ORDER BY b.n, m.id;

        INSERT INTO registry.application_officers (registration_application_id, role, full_name_ar, full_name_latin, cin, birth_date,
            nationality, profession, address, mandate_start, mandate_end, is_participating_member)
        SELECT b.id, o.role, o.full_name_ar, o.full_name_latin, o.cin, o.birth_date,
            o.nationality, o.profession, o.address, o.mandate_start, o.mandate_end, o.is_participating_member
        FROM bench_plan b JOIN registry.application_officers o ON o.registration_application_id = b.template_id
        ORDER BY b.n, o.id;

        CREATE TEMP TABLE bench_documents ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, d.id AS template_document_id, b.id AS application_id, d.kind, d.content_type, d.file_name,
               d.size_bytes, d.sha256, d.uploaded_at, d.uploaded_by
        FROM bench_plan b JOIN registry.documents d ON d.application_id = b.template_id;

        INSERT INTO registry.documents (id, application_id, kind, content_type, file_name, size_bytes, sha256, uploaded_at, uploaded_by)
        SELECT id, application_id, kind, content_type, file_name, size_bytes, sha256, uploaded_at, uploaded_by FROM bench_documents;

        INSERT INTO registry.document_contents (document_id, content)
        SELECT d.id, c.content FROM bench_documents d JOIN registry.document_contents c ON c.document_id = d.template_document_id;

        INSERT INTO registry.name_reservations (id, holder_id, legal_form, name_ar, name_latin, normalized_ar, normalized_latin,
            reserved_at, expires_at, renewed)
        SELECT gen_random_uuid(), b.owner_id, r.legal_form, r.name_ar, b.name_latin, r.normalized_ar, r.normalized_latin || ' ' || b.n,
            r.reserved_at, r.expires_at, false
        FROM bench_plan b
        JOIN registry.applications t ON t.id = b.template_id
        JOIN registry.name_reservations r ON r.holder_id = t.owner_id AND r.legal_form = t.legal_form AND r.name_latin = t.name_latin;
        """;
}
