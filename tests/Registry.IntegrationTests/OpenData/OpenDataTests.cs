using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Application.Common.Interfaces;
using Registry.Application.OpenData.Commands.ExportOpenData;
using Registry.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.IntegrationTests.OpenData;

/// <summary>
/// The API with its own open-data folder, on a clock the tests set (snapshots are named by the Casablanca
/// date), and five organisations of three forms in two regions, registered once for the class.
/// </summary>
public sealed class OpenDataApiFactory : RegistryApiFactory
{
    public static readonly DateOnly Day = new(2026, 11, 20);

    public TestClock Clock { get; } = new();

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "registry-open-data-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A name that needs CSV quoting (a comma and double quotes).</summary>
    public string QuotedName { get; } = Samples.UniqueLatin("Coopérative \"Al Baraka\", Tiznit");

    public const string ArabicName = "تعاونية البركة للأركان";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Set(Day);
        var owner = await Actors.ClientAsync(Actor.Owner);
        var casablanca = await Actors.ClientAsync(Actor.OfficialOfRegion);
        var souss = await NewStaffAsync("RegionalOfficial", "09");
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative()));
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Association()));
        await souss.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "001", nameLatin: QuotedName, nameAr: ArabicName)));
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Mutual()));
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative()));
        await owner.SubmittedAsync(Samples.Cooperative()); // submitted, not registered: never in the snapshot
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Registry:OpenData:Directory", Directory);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>Runs the export as the nightly job does: through the mediator, on <paramref name="day"/>.</summary>
    public async Task<OpenDataExported> ExportAsync(DateOnly? day = null)
    {
        Clock.Set(day ?? Day);
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExportOpenData());
    }

    /// <summary>No snapshot at all: no rows, no files.</summary>
    public async Task ResetAsync()
    {
        await using (var connection = await OpenConnectionAsync())
        {
            await using var delete = new Npgsql.NpgsqlCommand("DELETE FROM registry.open_data_snapshots", connection);
            await delete.ExecuteNonQueryAsync();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
            {
                File.Delete(file);
            }
        }
    }
}

public sealed class OpenDataTests(OpenDataApiFactory api, ITestOutputHelper output) : IClassFixture<OpenDataApiFactory>
{
    private const string CsvHeader =
        "registration_number,legal_form,name_ar,name_latin,sector_code,seat_address,province_code,region_code,founding_date,status,registered_at,member_count,women_member_count";

    /// <summary>What the samples put in members and officers, contact details and identifiers: none of it is public.</summary>
    private static readonly string[] PersonalData =
    [
        "AB123456", "C98765", "BE55443", "D112233", "AB111111", "AB222222", "BK100001", "BK100002",
        "Fatima", "Zahra", "Khadija", "Amrani", "Hassan Idrissi", "Amina", "Tazi", "Omar Alaoui", "Nadia", "Berrada", "Karim Bennani", "يوسف",
        "Derb Sultan", "1985-04-02", "1979-01-20", "1980-01-01", "Agricultrice", "Association Partenaire", "ASSO-06-2020-000001",
        "contact@coop.test", "600000000",
    ];

    [Fact]
    public async Task The_csv_holds_every_registered_organisation_in_registration_number_order_with_its_public_profile()
    {
        await api.ResetAsync();
        var exported = await api.ExportAsync();
        output.WriteLine($"Exported {exported.RowCount} rows in {exported.Elapsed.TotalMilliseconds:F1} ms: "
            + string.Join(", ", exported.Files.Select(f => $"{f.Format} {f.SizeBytes} bytes")));

        var response = await Anonymous().GetAsync("/api/v1/open-data/organizations.csv");
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");

        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var records = ParseCsv(text);
        Assert.Equal(CsvHeader, string.Join(',', records[0]));
        var rows = records.Skip(1).ToList();

        var numbers = await RegisteredNumbersAsync();
        Assert.Equal(5, numbers.Count);
        Assert.Equal(numbers, rows.Select(r => r[0]));
        Assert.Equal(numbers.Order(StringComparer.Ordinal), rows.Select(r => r[0]));
        Assert.Equal(5, exported.RowCount);

        foreach (var row in rows)
        {
            var profile = await (await Anonymous().GetAsync($"/api/v1/organizations/{row[0]}")).ReadJsonAsync();
            Assert.Equal((string)profile["legalForm"]!, row[1]);
            Assert.Equal((string?)profile["nameAr"] ?? "", row[2]);
            Assert.Equal((string?)profile["nameLatin"] ?? "", row[3]);
            Assert.Equal((string)profile["sectorCode"]!, row[4]);
            Assert.Equal((string)profile["seatAddress"]!, row[5]);
            Assert.Equal((string)profile["provinceCode"]!, row[6]);
            Assert.Equal((string)profile["regionCode"]!, row[7]);
            Assert.Equal((string)profile["foundingDate"]!, row[8]);
            Assert.Equal((string)profile["status"]!, row[9]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", row[10]);
            Assert.Equal(DateTimeOffset.Parse((string)profile["registeredAt"]!, CultureInfo.InvariantCulture), DateTimeOffset.Parse(row[10], CultureInfo.InvariantCulture));
            Assert.Equal((int)profile["memberCount"]!, int.Parse(row[11], CultureInfo.InvariantCulture));
            Assert.Equal((int)profile["womenMemberCount"]!, int.Parse(row[12], CultureInfo.InvariantCulture));
        }

        var quoted = Assert.Single(rows, r => r[3] == api.QuotedName);
        Assert.Equal(OpenDataApiFactory.ArabicName, quoted[2]);
        Assert.Contains("\"" + api.QuotedName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_is_an_array_of_the_same_rows_with_camel_case_keys()
    {
        await api.ResetAsync();
        await api.ExportAsync();

        var csv = ParseCsv(Encoding.UTF8.GetString(await (await Anonymous().GetAsync("/api/v1/open-data/organizations.csv")).Content.ReadAsByteArrayAsync())).Skip(1).ToList();
        var response = await Anonymous().GetAsync("/api/v1/open-data/organizations.json");
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(OpenDataApiFactory.ArabicName, text, StringComparison.Ordinal); // readable, not \u-escaped
        var rows = JsonNode.Parse(text)!.AsArray();

        Assert.Equal(await RegisteredNumbersAsync(), rows.Select(r => (string)r!["registrationNumber"]!));
        string[] keys =
        [
            "registrationNumber", "legalForm", "nameAr", "nameLatin", "sectorCode", "seatAddress", "provinceCode", "regionCode",
            "foundingDate", "status", "registeredAt", "memberCount", "womenMemberCount",
        ];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!.AsObject();
            Assert.Equal(keys, row.Select(p => p.Key));
            Assert.Equal(csv[i], keys.Select(k => row[k] is null ? "" : row[k]!.ToString()));
        }

        Assert.Contains(rows, r => r!["nameAr"] is null); // a missing name is null in JSON, empty in CSV
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r!["memberCount"]!.GetValueKind()));
    }

    [Fact]
    public async Task Each_file_is_served_with_its_sha256_size_and_date_and_listed()
    {
        await api.ResetAsync();
        var exported = await api.ExportAsync();

        var listed = (await (await Anonymous().GetAsync("/api/v1/open-data")).ReadJsonAsync()).AsArray();
        Assert.Equal(2, listed.Count);
        foreach (var format in new[] { "csv", "json" })
        {
            var response = await Anonymous().GetAsync($"/api/v1/open-data/organizations.{format}");
            await WorkflowSteps.Expect(response, HttpStatusCode.OK);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

            Assert.Equal($"\"{sha256}\"", response.Headers.ETag!.Tag);
            Assert.Equal(sha256, Assert.Single(response.Headers.GetValues("X-Content-SHA256")));
            Assert.Equal("2026-11-20", Assert.Single(response.Headers.GetValues("X-Snapshot-Date")));
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.NotNull(response.Content.Headers.LastModified);
            Assert.Equal($"organizations-2026-11-20.{format}", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));

            var file = Assert.Single(exported.Files, f => f.Format == format);
            Assert.Equal((sha256, (long)bytes.Length), (file.Sha256, file.SizeBytes));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(api.Directory, $"organizations-2026-11-20.{format}")));

            var entry = listed.Single(e => (string)e!["format"]! == format)!;
            Assert.Equal("2026-11-20", (string)entry["date"]!);
            Assert.Equal(sha256, (string)entry["sha256"]!);
            Assert.Equal(bytes.Length, (long)entry["sizeBytes"]!);
            Assert.Equal(5, (long)entry["rowCount"]!);
            var url = (string)entry["url"]!;
            Assert.Equal($"/api/v1/open-data/2026-11-20/organizations.{format}", url);
            Assert.Equal(bytes, await (await Anonymous().GetAsync(url)).Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Downloads_support_ranges_and_conditional_requests()
    {
        await api.ResetAsync();
        await api.ExportAsync();
        var full = await Anonymous().GetAsync("/api/v1/open-data/organizations.csv");
        var bytes = await full.Content.ReadAsByteArrayAsync();

        using var ranged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/open-data/organizations.csv");
        ranged.Headers.Range = new RangeHeaderValue(0, 18);
        var part = await Anonymous().SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[..19], await part.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/open-data/organizations.csv");
        conditional.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Anonymous().SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task No_personal_data_appears_in_either_file()
    {
        await api.ResetAsync();
        await api.ExportAsync();

        foreach (var format in new[] { "csv", "json" })
        {
            var text = await (await Anonymous().GetAsync($"/api/v1/open-data/organizations.{format}")).Content.ReadAsStringAsync();
            Assert.Contains("COOP-06-", text, StringComparison.Ordinal);
            Assert.All(PersonalData, personal => Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_second_export_the_same_day_gives_identical_bytes_and_one_row_per_format()
    {
        await api.ResetAsync();
        var first = await api.ExportAsync();
        var csv = await File.ReadAllBytesAsync(Path.Combine(api.Directory, "organizations-2026-11-20.csv"));
        var json = await File.ReadAllBytesAsync(Path.Combine(api.Directory, "organizations-2026-11-20.json"));

        var second = await api.ExportAsync();

        Assert.Equal(csv, await File.ReadAllBytesAsync(Path.Combine(api.Directory, "organizations-2026-11-20.csv")));
        Assert.Equal(json, await File.ReadAllBytesAsync(Path.Combine(api.Directory, "organizations-2026-11-20.json")));
        Assert.Equal(first.Files.Select(f => (f.Format, f.Sha256, f.SizeBytes, f.RowCount)), second.Files.Select(f => (f.Format, f.Sha256, f.SizeBytes, f.RowCount)));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.open_data_snapshots WHERE format = 'csv' AND snapshot_date = '2026-11-20'"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.open_data_snapshots WHERE format = 'json' AND snapshot_date = '2026-11-20'"));
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.open_data_snapshots"));
        Assert.Equal(["organizations-2026-11-20.csv", "organizations-2026-11-20.json"], FilesInDirectory());
    }

    [Fact]
    public async Task The_last_seven_days_are_kept_and_older_snapshots_deleted()
    {
        await api.ResetAsync();
        var day = OpenDataApiFactory.Day;
        await api.ExportAsync(day);
        await api.ExportAsync(day.AddDays(1));
        await api.ExportAsync(day.AddDays(6));
        Assert.Equal(6, FilesInDirectory().Count);

        var exported = await api.ExportAsync(day.AddDays(7));

        Assert.Equal(2, exported.FilesDeleted);
        Assert.Equal(
            ["organizations-2026-11-21.csv", "organizations-2026-11-21.json", "organizations-2026-11-26.csv", "organizations-2026-11-26.json",
             "organizations-2026-11-27.csv", "organizations-2026-11-27.json"],
            FilesInDirectory());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.open_data_snapshots WHERE snapshot_date = '2026-11-20'"));
        Assert.Equal(6L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.open_data_snapshots"));

        var latest = await Anonymous().GetAsync("/api/v1/open-data/organizations.json");
        Assert.Equal("2026-11-27", Assert.Single(latest.Headers.GetValues("X-Snapshot-Date")));
        var gone = await Anonymous().GetAsync("/api/v1/open-data/2026-11-20/organizations.json");
        await OpenDataProblems.AssertNotFoundAsync(gone);
        var kept = await Anonymous().GetAsync("/api/v1/open-data/2026-11-21/organizations.json");
        await WorkflowSteps.Expect(kept, HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_format_or_date_is_404_problem_details()
    {
        await api.ResetAsync();
        await api.ExportAsync();

        await OpenDataProblems.AssertNotFoundAsync(await Anonymous().GetAsync("/api/v1/open-data/organizations.xml"));
        await OpenDataProblems.AssertNotFoundAsync(await Anonymous().GetAsync("/api/v1/open-data/2026-11-19/organizations.csv"));
    }

    [Fact]
    public async Task A_file_that_does_not_match_its_metadata_is_never_served()
    {
        await api.ResetAsync();
        await api.ExportAsync();
        await File.WriteAllTextAsync(Path.Combine(api.Directory, "organizations-2026-11-20.csv"), "registration_number\r\n");

        var response = await Anonymous().GetAsync("/api/v1/open-data/organizations.csv");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await WorkflowSteps.Expect(await Anonymous().GetAsync("/api/v1/open-data/organizations.json"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_open_data_endpoints_and_their_columns()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v1/open-data"]!["get"]);
        var latest = paths["/api/v1/open-data/organizations.{format}"]!["get"]!;
        Assert.NotNull(paths["/api/v1/open-data/{date}/organizations.{format}"]!["get"]);
        Assert.Null(latest["security"]);
        Assert.NotNull(latest["responses"]!["404"]);
        Assert.Contains(CsvHeader.Replace(",", ", ", StringComparison.Ordinal), (string)latest["summary"]!, StringComparison.Ordinal);
        Assert.Contains("RFC 4180", (string)latest["description"]!, StringComparison.Ordinal);
    }

    private HttpClient Anonymous() => api.CreateClient();

    private async Task<List<string>> RegisteredNumbersAsync()
    {
        var numbers = new List<string>();
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT registration_number FROM registry.organizations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
        }

        return [.. numbers.Order(StringComparer.Ordinal)];
    }

    private List<string> FilesInDirectory() =>
        [.. Directory.EnumerateFiles(api.Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>RFC 4180, strictly: records end in CRLF; a quoted field may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i]);
                    }
                }
            }
            else if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        Assert.Empty(fields);
        Assert.All(records, r => Assert.Equal(13, r.Length));
        return records;
    }
}

/// <summary>A fresh database on which no export has run yet, with the default configuration.</summary>
public sealed class OpenDataBeforeAnyExportTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Theory]
    [InlineData("/api/v1/open-data/organizations.csv")]
    [InlineData("/api/v1/open-data/organizations.json")]
    [InlineData("/api/v1/open-data/2026-11-20/organizations.csv")]
    public async Task Downloads_are_404_problem_details_until_a_snapshot_exists(string url) =>
        await OpenDataProblems.AssertNotFoundAsync(await api.CreateClient().GetAsync(url));

    [Fact]
    public async Task The_list_is_empty_until_a_snapshot_exists()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/open-data");
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        Assert.Empty((await response.ReadJsonAsync()).AsArray());
    }
}

internal static class OpenDataProblems
{
    public static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        await WorkflowSteps.Expect(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
    }
}
