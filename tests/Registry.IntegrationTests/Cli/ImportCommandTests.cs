using System.Globalization;
using System.Security.Cryptography;
using Registry.Cli;
using Registry.Cli.Common;
using Registry.Cli.Import;
using Registry.IntegrationTests.Audit;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Cli;

public sealed class ImportCommandTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>, IDisposable
{
    internal const string Header =
        "source_key,registration_number,legal_form,name_ar,name_latin,sector_code,province_code,seat_address,founding_date,registered_on,financial_year_end," +
        "ice,share_value,contact_email,contact_phone,person_role,member_kind,full_name_ar,full_name_latin,cin,birth_date,gender,nationality," +
        "legal_name,legal_identifier,shares_subscribed,shares_paid,profession,address,mandate_start,mandate_end";

    private readonly string _directory = Directory.CreateTempSubdirectory("registry-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static string Coop(string key, string number, string cin, string gender = "Female", string province = "581", string ice = "001524577999993") =>
        $"{key},{number},COOP,,Coopérative Import {key},ARGANE,{province},\"1 Rue, Tafraout\",2019-02-01,2019-03-15,12-31,{ice},100,,,Member,NaturalPerson,,Fatima {cin},{cin},1978-05-02,{gender},MA,,,10,10,,,,";

    [Fact]
    public async Task Good_rows_are_loaded_bad_ones_reported_with_reasons_and_a_rerun_changes_nothing()
    {
        var lines = new List<string> { Header };
        // Good: a cooperative keeping its number (five members and a manager), an association numbered here.
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("GOOD-1", "COOP-09-2019-000042", $"JE10000{k}"));
        }

        lines.Add("GOOD-1,COOP-09-2019-000042,COOP,,Coopérative Import GOOD-1,ARGANE,581,\"1 Rue, Tafraout\",2019-02-01,2019-03-15,12-31,001524577999993,100,,,Manager,,,Fatima JE100001,JE100001,1978-05-02,,MA,,,,,Agricultrice,Tafraout,2022-03-15,2025-03-15");
        lines.Add("GOOD-2,,ASSO,جمعية الأمل للتنمية تيفلت,,DEVELOPPEMENT_LOCAL,291,5 Avenue Mohammed V,2021-06-01,2021-07-10,12-31,,,,,Member,NaturalPerson,عمر العلوي,,X100200,1980-01-01,Male,MA,,,,,,,,");
        lines.Add("GOOD-2,,ASSO,جمعية الأمل للتنمية تيفلت,,DEVELOPPEMENT_LOCAL,291,5 Avenue Mohammed V,2021-06-01,2021-07-10,12-31,,,,,Member,NaturalPerson,أمينة التازي,,X100201,1983-04-04,Female,MA,,,,,,,,");
        // Bad: unknown province; malformed CIN; ICE not divisible by 97; no name; number of another region.
        lines.Add(Coop("BAD-PROVINCE", "", "JE200001", province: "999"));
        lines.Add(Coop("BAD-CIN", "", "je-1234567"));
        lines.Add(Coop("BAD-ICE", "", "JE300001", ice: "001524577999994"));
        lines.Add("BAD-NAME,,ASSO,,,SPORT,141,1 Rue X,2020-01-01,2020-02-01,12-31,,,,,Member,NaturalPerson,,Omar Test,AB1,1980-01-01,Male,MA,,,,,,,,");
        lines.Add(Coop("BAD-NUMBER", "COOP-06-2019-000001", "JE400001"));
        var file = Path.Combine(_directory, "organizations.csv");
        await File.WriteAllLinesAsync(file, lines);
        var report = Path.Combine(_directory, "rejected.csv");

        var first = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(2, first.Organizations);
        Assert.Equal(7, first.Members);
        Assert.Equal(1, first.Officers);
        Assert.Equal(5, first.RejectedOrganizations);
        Assert.Equal("COOP-09-2019-000042", await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Coopérative Import GOOD-1'"));
        Assert.Equal(5, await api.ScalarAsync<int>("SELECT member_count FROM registry.organizations WHERE registration_number = 'COOP-09-2019-000042'"));
        Assert.Equal(5000m, await api.ScalarAsync<decimal>("SELECT subscribed_capital FROM registry.organizations WHERE registration_number = 'COOP-09-2019-000042'"));
        Assert.Equal(42, await api.ScalarAsync<int>("SELECT last_value FROM registry.registration_sequences WHERE legal_form = 'COOP' AND region_code = '09' AND year = 2019"));
        Assert.Equal("ASSO-04-2021-000001", await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_ar = 'جمعية الأمل للتنمية تيفلت'"));
        Assert.Equal("الامل للتنميه تيفلت", await api.ScalarAsync<string>("SELECT normalized_name_ar FROM registry.organizations WHERE registration_number = 'ASSO-04-2021-000001'"));

        var rejected = await File.ReadAllTextAsync(report);
        Assert.Contains("BAD-PROVINCE,province_code '999'", rejected, StringComparison.Ordinal);
        Assert.Contains("CIN 'je-1234567'", rejected, StringComparison.Ordinal);
        Assert.Contains("ICE '001524577999994' is not 15 digits divisible by 97", rejected, StringComparison.Ordinal);
        Assert.Contains("BAD-NAME,a name in Arabic or in Latin script is required", rejected, StringComparison.Ordinal);
        Assert.Contains("BAD-NUMBER,registration_number 'COOP-06-2019-000001' does not match the region 09 of province 581", rejected, StringComparison.Ordinal);

        var counts = await CountsAsync();
        var again = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(0, again.Organizations);
        Assert.Equal(2, again.AlreadyPresent);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_hostile_file_loads_its_good_rows_literally_and_reports_every_bad_one_without_harm()
    {
        const string Sql = "Coopérative O'Brien'); DROP TABLE registry.organizations;--";
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("HOSTILE-GOOD", "", $"JH10000{k}").Replace("Coopérative Import HOSTILE-GOOD", "\"" + Sql + "\"", StringComparison.Ordinal));
        }

        lines.Add(Coop("=cmd|' /C calc'!A0", "", "JH200001", province: "999"));
        lines.Add(Coop("HOSTILE-UTF8", "", "JH300001").Replace("Import HOSTILE-UTF8", "Import @@INVALID@@", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-NUL", "", "JH400001").Replace("1 Rue, Tafraout", "1 Rue\0 Tafraout", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-BIDI", "", "JH500001").Replace("Import HOSTILE-BIDI", "Import \u202Eevil", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-DATE", "", "JH600001").Replace("2019-02-01", "2019-02-30", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-FYE", "", "JH600002").Replace(",12-31,", ",02-29,", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-FYE-SIGN", "", "JH600003").Replace(",12-31,", ",+1-+1,", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-SHARES", "", "JH700001").Replace(",10,10,", ",-5,10,", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-HUGE", "", "JH800001").Replace(",100,,,Member", ",1e400,,,Member", StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-FIELDS", "", "JH900001") + ",extra,fields");
        lines.Add(Coop("HOSTILE-LONG", "", "JH910001").Replace("Import HOSTILE-LONG", new string('x', 100_000), StringComparison.Ordinal));
        lines.Add(Coop("HOSTILE-FORMULA", "", "JH920001").Replace("Coopérative Import HOSTILE-FORMULA", "=HYPERLINK(\"\"http://evil\"\")", StringComparison.Ordinal));
        lines.Add("\"HOSTILE-QUOTE,,COOP,never closed");
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
        var marker = System.Text.Encoding.UTF8.GetBytes("@@INVALID@@");
        var at = bytes.AsSpan().IndexOf(marker);
        bytes = [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[(at + marker.Length)..]];
        var file = Path.Combine(_directory, "hostile.csv");
        await File.WriteAllBytesAsync(file, bytes);
        var report = Path.Combine(_directory, "hostile-rejected.csv");
        var organizationsBefore = await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(organizationsBefore + 1, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = $1", Sql));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.organizations WHERE name_latin ~ '[\\x01-\\x1f\\u202a-\\u202e\\ufffd]' OR seat_address ~ '[\\x01-\\x08\\ufffd]'"));

        var rejected = await File.ReadAllTextAsync(report);
        Assert.Contains("'=cmd|' /C calc'!A0", rejected, StringComparison.Ordinal);
        Assert.Contains("name_latin is not valid UTF-8", rejected, StringComparison.Ordinal);
        Assert.Contains("seat_address holds control characters", rejected, StringComparison.Ordinal);
        Assert.Contains("name_latin holds control characters or bidirectional overrides", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', rejected);
        Assert.DoesNotContain('\0', rejected);
        foreach (var key in new[] { "HOSTILE-UTF8", "HOSTILE-NUL", "HOSTILE-BIDI", "HOSTILE-DATE", "HOSTILE-SHARES", "HOSTILE-HUGE", "HOSTILE-LONG", "HOSTILE-FORMULA" })
        {
            Assert.Contains("," + key + ",", rejected, StringComparison.Ordinal);
        }

        Assert.Contains("HOSTILE-FIELDS,33 fields where the header has 31", rejected, StringComparison.Ordinal);
        Assert.Contains(",,1 fields where the header has 31 (the file ends inside a quoted field: is a quote left open?)", rejected, StringComparison.Ordinal);
        Assert.Contains("name_latin must begin with a letter or a digit", rejected, StringComparison.Ordinal);
        // A financial year's end as the API takes it (ApplicationInputValidator.BeAMonthDay): not a day only leap years have.
        Assert.Contains("HOSTILE-FYE,financial_year_end '02-29' is not MM-DD", rejected, StringComparison.Ordinal);
        Assert.Contains("HOSTILE-FYE-SIGN,financial_year_end '+1-+1' is not MM-DD", rejected, StringComparison.Ordinal);
        Assert.Equal(12, result.RejectedOrganizations); // the unclosed quote's key is no field (it is left open): that row belongs to none
    }

    [Fact]
    public async Task Every_row_of_a_rejected_organisation_is_reported_wherever_it_stands_in_a_large_file()
    {
        // An organisation's rows need not be together. Those after the row that rejects it are still checked and
        // reported with their own reasons, and a good organisation among them is loaded.
        var lines = new List<string>
        {
            Header,
            Coop("SPREAD-BAD", "", "JS100001"),
            Coop("SPREAD-GOOD", "", "JS200001"),
            Coop("SPREAD-BAD", "", "js-100002"),
        };
        for (var k = 2; k <= 5; k++)
        {
            lines.Add(Coop("SPREAD-GOOD", "", $"JS20000{k}"));
        }

        lines.Add(Coop("SPREAD-BAD", "", "JS100001"));
        lines.Add(Coop("SPREAD-BAD", "", "JS100003").Replace("Import SPREAD-BAD", "Import SPREAD-OTHER", StringComparison.Ordinal));
        lines.Add(Coop("SPREAD-BAD", "", "JS100004"));
        // Then 20,000 rows of 5,000 organisations rejected on their first row.
        for (var k = 0; k < 20_000; k++)
        {
            lines.Add(Coop($"BULK-{k / 4}", "", $"JB{k:D6}", province: "999"));
        }

        var file = await WriteAsync("spread.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "spread-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 5, 5_001, 20_005), (result.Organizations, result.Members, result.RejectedOrganizations, result.RejectedRows));
        Assert.Equal(5, await api.ScalarAsync<int>("SELECT member_count FROM registry.organizations WHERE name_latin = 'Coopérative Import SPREAD-GOOD'"));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.Equal([2, 4, 9, 10, 11, .. Enumerable.Range(12, 20_000)], report.Skip(1).Select(l => int.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
        Assert.Equal("2,SPREAD-BAD,organisation rejected: another of its rows is invalid", report[1]);
        Assert.StartsWith("4,SPREAD-BAD,CIN 'js-100002' is not", report[2], StringComparison.Ordinal);
        Assert.Equal("9,SPREAD-BAD,CIN JS100001 appears twice among the members", report[3]);
        Assert.Equal("10,SPREAD-BAD,organisation columns differ from line 2: name_latin", report[4]);
        Assert.Equal("11,SPREAD-BAD,organisation rejected: another of its rows is invalid", report[5]);
        Assert.StartsWith("12,BULK-0,province_code '999'", report[6], StringComparison.Ordinal);
        Assert.Equal("20011,BULK-4999,organisation rejected: another of its rows is invalid", report[^1]);
    }

    [Fact]
    public async Task A_header_naming_a_column_twice_is_a_header_error_that_names_it()
    {
        var file = await WriteAsync("twice.csv", Header + ",name_latin", Coop("TWICE-1", "", "JT100001") + ",Coopérative Import TWICE-1");

        var (exit, _, error) = await CliAsync("import", "organizations", file, "--report", Path.Combine(_directory, "twice-rejected.csv"));

        Assert.Equal(64, exit);
        Assert.Contains("more than once: name_latin", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin LIKE '%TWICE-1'"));
    }

    [Fact]
    public async Task An_unwritable_report_path_fails_before_anything_is_loaded()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("UNREPORTED-1", "", $"JU10000{k}"));
        }

        var file = await WriteAsync("unreported.csv", [.. lines]);
        var counts = await CountsAsync();

        var (exit, _, error) = await CliAsync("import", "organizations", file, "--report", Path.Combine(_directory, "no-such-directory", "rejected.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("cannot be written", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\uFEFF\n\n")]
    public async Task A_file_without_a_header_row_is_a_header_error(string content)
    {
        var file = Path.Combine(_directory, "empty.csv");
        await File.WriteAllTextAsync(file, content);

        var (exit, output, error) = await CliAsync("import", "organizations", file);

        Assert.Equal(64, exit);
        Assert.Contains("the file is empty: the first line must be the header", error, StringComparison.Ordinal);
        Assert.DoesNotContain("imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_only_file_imports_nothing_and_succeeds()
    {
        var file = await WriteAsync("header-only.csv", Header);

        var (exit, output, _) = await CliAsync("import", "organizations", file);

        Assert.Equal(0, exit);
        Assert.Contains("imported 0 organisations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_carriage_returns_end_lines_like_crlf_and_lf()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            // The seat address holds a quoted bare CR: a line break inside a field, not the end of the record.
            lines.Add(Coop("MAC-1", "", $"JM10000{k}").Replace("1 Rue, Tafraout", "1 Rue,\rTafraout", StringComparison.Ordinal));
        }

        var file = Path.Combine(_directory, "mac.csv");
        await File.WriteAllTextAsync(file, string.Join('\r', lines) + "\r");
        var report = Path.Combine(_directory, "mac-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(5, result.Members);
        Assert.Equal(0, result.RejectedRows);
        Assert.Equal("1 Rue,\rTafraout", await api.ScalarAsync<string>("SELECT seat_address FROM registry.organizations WHERE name_latin = 'Coopérative Import MAC-1'"));
    }

    [Fact]
    public async Task A_header_error_shows_only_column_names_shortened_and_at_most_ten()
    {
        // CR-only lines with an unknown column: only that column is named, never a value of the rows below it.
        var cr = Path.Combine(_directory, "mac-unknown.csv");
        await File.WriteAllTextAsync(cr, string.Join('\r', Header + ",bogus", Coop("MAC-2", "", "JM200001") + ",x"));

        var (exit, _, error) = await CliAsync("import", "organizations", cr);

        Assert.Equal(64, exit);
        Assert.Contains("; unknown: bogus" + Environment.NewLine, error, StringComparison.Ordinal);
        Assert.DoesNotContain("jm200001", error, StringComparison.OrdinalIgnoreCase);

        // A file without a header: its first row's values are the unknown "columns"; 40 characters of ten of them.
        var headless = await WriteAsync("headless.csv", Header + "," + new string('a', 100) + string.Concat(Enumerable.Range(1, 11).Select(k => $",unknown{k}")));

        (exit, _, error) = await CliAsync("import", "organizations", headless);

        Assert.Equal(64, exit);
        Assert.Contains(new string('a', 40) + "…", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 41), error, StringComparison.Ordinal);
        Assert.Contains("unknown9 and 2 more", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown10", error, StringComparison.Ordinal);

        // A first line that is a data row names no column at all: none of its cells (names, CINs) is shown.
        var dataFirst = await WriteAsync("data-first.csv", Coop("NO-HEADER", "", "JN100001"));

        (exit, _, error) = await CliAsync("import", "organizations", dataFirst);

        Assert.Equal(64, exit);
        Assert.Contains("the header row is missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("jn100001", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NO-HEADER", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Organisations_of_a_full_series_are_rejected_with_a_reason_and_the_rest_loaded()
    {
        // The old register gave ASSO-12-2015-999999: no number is left in that series for another association.
        var file = await WriteAsync("full-series.csv", Header,
            Asso("FULL-KEPT", "ASSO-12-2015-999999", "2015-05-01", "JF100001"),
            Asso("FULL-NEW", "", "2015-06-01", "JF200001"),
            Asso("FULL-OTHER-YEAR", "", "2016-06-01", "JF300001"));
        var report = Path.Combine(_directory, "full-series-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(2, result.Organizations);
        Assert.Equal(1, result.RejectedOrganizations);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE registration_number = 'ASSO-12-2015-999999'"));
        Assert.Equal("ASSO-12-2016-000001", await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Association FULL-OTHER-YEAR'"));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Association FULL-NEW'"));
        Assert.Equal(999999, await api.ScalarAsync<int>("SELECT last_value FROM registry.registration_sequences WHERE legal_form = 'ASSO' AND region_code = '12' AND year = 2015"));
        Assert.Contains("FULL-NEW,the series ASSO-12-2015 has no number left", await File.ReadAllTextAsync(report), StringComparison.Ordinal);

        // The next run still has no number for it, and changes nothing else.
        var counts = await CountsAsync();
        var again = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(2, again.AlreadyPresent);
        Assert.Equal(1, again.RejectedOrganizations);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Values_beyond_the_registrys_column_sizes_reject_their_organisation_not_the_whole_file()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            // At the limits: a 200-character name is kept.
            lines.Add(Coop("SIZE-GOOD", "", $"JS10000{k}").Replace($"Fatima JS10000{k}", k == 1 ? new string('a', 200) : $"Fatima JS10000{k}", StringComparison.Ordinal));
            lines.Add(Coop("SIZE-NAME", "", $"JS20000{k}").Replace($"Fatima JS20000{k}", k == 3 ? new string('b', 201) : $"Fatima JS20000{k}", StringComparison.Ordinal));
            lines.Add(Coop("SIZE-NATIONALITY", "", $"JS30000{k}").Replace(",MA,", k == 2 ? "," + new string('M', 61) + "," : ",MA,", StringComparison.Ordinal));
            // 5 × 1,000,000 shares of 100,000,000 MAD (the most a share is worth): 5 × 10^14 MAD, beyond numeric(16,2).
            lines.Add(Coop("SIZE-CAPITAL", "", $"JS40000{k}").Replace(",100,,,Member", ",100000000,,,Member", StringComparison.Ordinal)
                .Replace(",10,10,", ",1000000,10,", StringComparison.Ordinal));
        }

        var file = await WriteAsync("sizes.csv", [.. lines]);
        var report = Path.Combine(_directory, "sizes-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(3, result.RejectedOrganizations);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_members WHERE full_name_latin = $1", new string('a', 200)));
        var rejected = await File.ReadAllTextAsync(report);
        Assert.Contains("full_name_latin is longer than 200 characters", rejected, StringComparison.Ordinal);
        Assert.Contains("nationality is longer than 60 characters", rejected, StringComparison.Ordinal);
        Assert.Contains("the subscribed capital (5000000 shares of 100000000 MAD) is not below 100000000000000 MAD", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("SIZE-GOOD", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_left_open_is_reported_with_the_lines_it_swallowed_and_an_endless_field_is_cut()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("QUOTE-GOOD", "", $"JQ10000{k}"));
        }

        lines.Add(Coop("QUOTE-ENDLESS", "", "JQ200001").Replace("Coopérative Import QUOTE-ENDLESS", "\"" + new string('x', Csv.MaxFieldLength + 10) + "\"", StringComparison.Ordinal));
        lines.Add(Asso("QUOTE-OPEN", "", "2016-01-01", "JQ300001").Replace("Association QUOTE-OPEN", "\"Association QUOTE-OPEN", StringComparison.Ordinal)); // line 8
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Asso("QUOTE-SWALLOWED", "", "2016-01-01", $"JQ40000{k}")); // lines 9–13, inside the open quote
        }

        var file = await WriteAsync("quotes.csv", [.. lines]);
        var report = Path.Combine(_directory, "quotes-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, report, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        var rejected = await File.ReadAllTextAsync(report);
        Assert.Contains($"7,QUOTE-ENDLESS,a field is longer than {Csv.MaxFieldLength} characters", rejected, StringComparison.Ordinal);
        Assert.Contains("8,QUOTE-OPEN,5 fields where the header has 31 (the record runs from line 8 to line 13: is a quote left open?)", rejected, StringComparison.Ordinal);
        Assert.Contains("13,QUOTE-SWALLOWED,a row of it was swallowed by the record at lines 8–13", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("QUOTE-GOOD", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_refused_for_its_fields_rejects_its_organisation_under_its_source_key()
    {
        // A cooperative of five members, one row with a field too many: loaded with the other four, it would count 4
        // members (and be found below the minimum by the next sweep).
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("WIDE-1", "", $"JW10000{k}") + (k == 3 ? ",surplus" : ""));
            lines.Add(Coop("WIDE-GOOD", "", $"JW20000{k}"));
        }

        var file = await WriteAsync("wide.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "wide-rejected.csv");

        var (exit, output, _) = await CliAsync("import", "organizations", file, "--report", reportPath);

        Assert.Equal(2, exit);
        Assert.Contains("imported 1 organisations (5 members, 0 officers)", output, StringComparison.Ordinal);
        Assert.Contains("rejected 1 organisations, 5 rows", output, StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import WIDE-1'"));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.Equal(
            [
                "line,source_key,reasons",
                "2,WIDE-1,organisation rejected: another of its rows is invalid",
                "4,WIDE-1,organisation rejected: another of its rows is invalid",
                "6,WIDE-1,32 fields where the header has 31",
                "8,WIDE-1,organisation rejected: another of its rows is invalid",
                "10,WIDE-1,organisation rejected: another of its rows is invalid",
            ], report);
    }

    [Fact]
    public async Task Rows_swallowed_by_a_quote_left_open_reject_their_organisations()
    {
        var lines = new List<string>
        {
            Header,
            Asso("SWALLOWED-ASSO", "", "2016-01-01", "JY100001"), // 2
            Asso("SWALLOWED-ASSO", "", "2016-01-01", "JY100002"), // 3
            // 4: the name's quote is never closed; it runs to the next quote, which opens line 6.
            Asso("OPENER", "", "2016-01-01", "JY200001").Replace("Association OPENER", "\"Association OPENER", StringComparison.Ordinal),
            Asso("SWALLOWED-ASSO", "", "2016-01-01", "JY100003"), // 5
            "\"SWALLOWED-COOP\"" + Coop("SWALLOWED-COOP", "", "JY300001")["SWALLOWED-COOP".Length..], // 6: a quoted key
        };
        for (var k = 2; k <= 5; k++)
        {
            lines.Add(Coop("SWALLOWED-COOP", "", $"JY30000{k}")); // 7, 9, 11, 13
            lines.Add(Coop("UNTOUCHED", "", $"JY40000{k}"));
        }

        lines.Add(Coop("UNTOUCHED", "", "JY400001"));
        var file = await WriteAsync("swallowed.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "swallowed-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 5), (result.Organizations, result.Members));
        Assert.Equal(3, result.RejectedOrganizations);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin IN ('Association SWALLOWED-ASSO', 'Coopérative Import SWALLOWED-COOP')"));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("\n4,OPENER,", report, StringComparison.Ordinal);
        Assert.Contains("(the record runs from line 4 to line 6: is a quote left open?)", report, StringComparison.Ordinal);
        Assert.Contains("\n5,SWALLOWED-ASSO,a row of it was swallowed by the record at lines 4–6", report, StringComparison.Ordinal);
        Assert.Contains("\n6,SWALLOWED-COOP,a row of it was swallowed by the record at lines 4–6", report, StringComparison.Ordinal);
        Assert.Contains("\n2,SWALLOWED-ASSO,organisation rejected: another of its rows is invalid", report, StringComparison.Ordinal);
        Assert.Contains("\n7,SWALLOWED-COOP,organisation rejected: another of its rows is invalid", report, StringComparison.Ordinal);
        Assert.DoesNotContain("UNTOUCHED", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_and_swallowed_rows_are_found_by_the_headers_source_key_column_wherever_it_stands()
    {
        // source_key last: a refused row's key is its 31st field, a swallowed line's key that line's 31st field. (A
        // field too many or too few before it would move it: such a row's key cannot be told.)
        static string Last(string row)
        {
            var fields = row.Replace("\"1 Rue, Tafraout\"", "1 Rue Tafraout", StringComparison.Ordinal).Split(',');
            return string.Join(',', [.. fields[1..], fields[0]]);
        }

        var lines = new List<string> { Last(Header) };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Last(Coop("LAST-WIDE", "", $"JL10000{k}")) + (k == 2 ? ",extra" : ""));
            lines.Add(Last(Coop("LAST-GOOD", "", $"JL20000{k}")));
        }

        for (var k = 1; k <= 3; k++)
        {
            lines.Add(Last(Coop("LAST-SWALLOWED", "", $"JL30000{k}")));
        }

        // The name's quote is never closed: the two rows after it are swallowed, to the end of the file.
        lines.Add(Last(Coop("LAST-OPENER", "", "JL400001")).Replace("Coopérative Import LAST-OPENER", "\"Coopérative LAST-OPENER", StringComparison.Ordinal));
        lines.Add(Last(Coop("LAST-SWALLOWED", "", "JL300004")));
        lines.Add(Last(Coop("LAST-SWALLOWED", "", "JL300005")));
        var file = await WriteAsync("last.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "last-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 5), (result.Organizations, result.Members));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import LAST-GOOD'"));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("\n4,LAST-WIDE,32 fields where the header has 31", report, StringComparison.Ordinal);
        Assert.Contains("\n15,,4 fields where the header has 31 (the record runs from line 15 to line 17: is a quote left open?)", report, StringComparison.Ordinal);
        Assert.Contains("\n16,LAST-SWALLOWED,a row of it was swallowed by the record at lines 15–17", report, StringComparison.Ordinal);
        Assert.Contains("\n17,LAST-SWALLOWED,a row of it was swallowed by the record at lines 15–17", report, StringComparison.Ordinal);
        Assert.Contains("\n12,LAST-SWALLOWED,organisation rejected: another of its rows is invalid", report, StringComparison.Ordinal);
        Assert.DoesNotContain("LAST-GOOD", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_organisations_giving_the_same_registration_number_are_both_rejected_each_naming_the_other()
    {
        var file = await WriteAsync("shared-number.csv", Header,
            Asso("SHARED-A", "ASSO-12-2017-000500", "2017-05-01", "JN100001"),
            Asso("SHARED-B", "ASSO-12-2017-000500", "2017-06-01", "JN200001"),
            Asso("SHARED-C", "ASSO-12-2017-000501", "2017-06-01", "JN300001"));
        var reportPath = Path.Combine(_directory, "shared-number-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 2), (result.Organizations, result.RejectedOrganizations));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE registration_number = 'ASSO-12-2017-000500'"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE registration_number = 'ASSO-12-2017-000501'"));
        Assert.Equal(
            [
                "line,source_key,reasons",
                "2,SHARED-A,registration_number ASSO-12-2017-000500 is also given to source key SHARED-B in this file",
                "3,SHARED-B,registration_number ASSO-12-2017-000500 is also given to source key SHARED-A in this file",
            ], await File.ReadAllLinesAsync(reportPath));
    }

    [Fact]
    public async Task Reasons_say_what_is_wrong_with_an_officer_who_is_a_legal_person_and_with_a_date_out_of_range()
    {
        const string Manager = ",Manager,,,Fatima JR100001,JR100001,1978-05-02,,MA,,,,,Agricultrice,Tafraout,2022-03-15,2025-03-15";
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("REASON-OFFICER", "", $"JR10000{k}"));
            lines.Add(Coop("REASON-BIRTH", "", $"JR20000{k}").Replace("1978-05-02", k == 4 ? "1800-01-01" : "1978-05-02", StringComparison.Ordinal));
        }

        var organization = Coop("REASON-OFFICER", "", "JR100001")[..Coop("REASON-OFFICER", "", "JR100001").IndexOf(",Member,", StringComparison.Ordinal)];
        lines.Add(organization + Manager.Replace(",Manager,,", ",Manager,LegalPerson,", StringComparison.Ordinal));
        lines.Add(organization.Replace("REASON-OFFICER", "REASON-MANDATE", StringComparison.Ordinal) + Manager.Replace("2022-03-15", "1899-12-31", StringComparison.Ordinal));
        var file = await WriteAsync("reasons.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "reasons-rejected.csv");

        await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        var report = await File.ReadAllTextAsync(reportPath);
        var today = Casablanca.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("12,REASON-OFFICER,an officer (Manager) must be a natural person: member_kind LegalPerson is for members only", report, StringComparison.Ordinal);
        Assert.Contains($"9,REASON-BIRTH,\"birth_date 1800-01-01 is out of the accepted range, 1900-01-01 to today ({today})\"", report, StringComparison.Ordinal);
        Assert.Contains("13,REASON-MANDATE,\"mandate_start 1899-12-31 is out of the accepted range, 1900-01-01 to 2100-01-01\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("neither NaturalPerson nor LegalPerson", report, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a date", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_imported_organisation_gets_one_audit_entry_in_its_history_and_a_rerun_adds_none()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("AUDITED-1", "", $"JA10000{k}"));
        }

        lines.Add(Asso("AUDITED-2", "", "2016-03-01", "JA200001"));
        var file = await WriteAsync("audited.csv", [.. lines]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        var before = DateTimeOffset.UtcNow;

        var (exit, _, _) = await CliAsync("import", "organizations", file);

        Assert.Equal(0, exit);
        var number = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Coopérative Import AUDITED-1'");
        var official = await api.NewStaffAsync("RegionalOfficial", "09");
        var history = (await (await official.GetAsync($"/api/v1/organizations/{number}/history")).ReadJsonAsync()).AsArray();
        var entry = Assert.Single(history)!;
        Assert.Equal("organization.imported", (string)entry["action"]!);
        Assert.Equal("System", (string)entry["actorRole"]!);
        Assert.Null(entry["actorId"]);
        Assert.Equal("Succeeded", (string)entry["outcome"]!);
        Assert.Equal($"imported from audited.csv (SHA-256 {sha256})", (string)entry["reason"]!);
        Assert.Equal(number, (string)entry["changes"]!["registrationNumber"]!);
        Assert.InRange(entry["occurredAt"]!.GetValue<DateTimeOffset>(), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        // Nothing about the people: the entries hold no name and no CIN of the file.
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE action = 'organization.imported' AND concat(reason, changes::text) ~ 'JA[12]0000|Fatima|Omar'"));
        Assert.Equal(2L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries e JOIN registry.organizations o ON o.id = e.organization_id AND o.application_id = e.application_id AND e.chain_seq = 1 " +
            "WHERE e.action = 'organization.imported' AND o.name_latin IN ('Coopérative Import AUDITED-1', 'Association AUDITED-2')"));
        var (verified, verification) = await api.VerifyByCliAsync(number);
        Assert.Equal(0, verified);
        Assert.Contains("1 entries in 1 chains", verification, StringComparison.Ordinal);

        var entries = await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries");
        (exit, _, _) = await CliAsync("import", "organizations", file);

        Assert.Equal(0, exit);
        Assert.Equal(entries, await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries"));
        Assert.Equal(0, (await api.VerifyByCliAsync()).ExitCode);
    }

    [Fact]
    public async Task A_quote_left_open_at_or_before_the_source_key_rejects_that_rows_organisation_under_its_key()
    {
        // Leftover of session 16: the key of such a row could not be read, so its organisation was loaded without it, and
        // the report named a "key" made of the line's first fields.
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            // Line 4: the quote opened at the key closes at the address's opening quote, on the same line.
            lines.Add((k == 3 ? "\"" : "") + Coop("OPEN-AT-KEY", "", $"JK10000{k}", province: "511"));
        }

        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("OPEN-AT-KEY-GOOD", "", $"JK20000{k}", province: "511"));
        }

        for (var k = 1; k <= 5; k++)
        {
            // Line 16, the last row of its organisation: the quote opened at the key (no other quote follows) swallows line 17.
            lines.Add((k == 5 ? "\"" : "") + Coop("OPEN-SWALLOWING", "", $"JK30000{k}", province: "511").Replace("\"1 Rue, Tafraout\"", "1 Rue Tafraout", StringComparison.Ordinal));
        }

        lines.Add(Asso("OPEN-NEXT", "", "2016-01-01", "JK400001"));
        var file = await WriteAsync("open-at-key.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "open-at-key-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.organizations WHERE name_latin IN ('Coopérative Import OPEN-AT-KEY', 'Coopérative Import OPEN-SWALLOWING', 'Association OPEN-NEXT')"));
        Assert.Equal(5, await api.ScalarAsync<int>("SELECT member_count FROM registry.organizations WHERE name_latin = 'Coopérative Import OPEN-AT-KEY-GOOD'"));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.StartsWith("4,OPEN-AT-KEY,", report.Single(l => l.StartsWith("4,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("16,OPEN-SWALLOWING,", report.Single(l => l.StartsWith("16,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("17,OPEN-NEXT,a row of it was swallowed by the record at lines 16–17", report);
        Assert.DoesNotContain(report, l => l.Contains("COOP,,Coop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_left_open_before_the_source_key_column_rejects_that_rows_organisation_too()
    {
        // The name comes first: a quote left open in it hides the key; read without its quotes, the line names it.
        static string NameFirst(string row)
        {
            var fields = row.Replace("\"1 Rue, Tafraout\"", "1 Rue Tafraout", StringComparison.Ordinal).Split(',');
            return string.Join(',', [fields[4], .. fields[..4], .. fields[5..]]);
        }

        var lines = new List<string> { NameFirst(Header) };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add((k == 5 ? "\"" : "") + NameFirst(Coop("NAME-OPEN", "", $"JV10000{k}", province: "511")));
        }

        // Line 7's quote closes line 6's. Read alone, its key is only read loosely too, and names no other row of the file.
        lines.Add("\"" + NameFirst(Coop("NAME-AFTER", "", "JV200001", province: "511")));
        var file = await WriteAsync("name-open.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "name-open-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal(0, result.Organizations);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import NAME-OPEN'"));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.StartsWith("6,NAME-OPEN,", report[5], StringComparison.Ordinal);
        // A key read loosely that names no other row of the file may be a piece of another field: line 7 is not a row.
        Assert.Equal(6, report.Length);
    }

    [Fact]
    public async Task An_address_quote_left_open_that_a_later_row_closes_is_refused_with_the_rows_it_swallowed()
    {
        // Addresses without commas: the quote opened on line 6 closes at the quote opening line 9's address, and the record
        // has the header's 31 fields. Its "address" was three lines of other rows; line 9's organisation was loaded with 4
        // members, line 7 and 8's vanished from the report.
        static string Plain(string row, string address) => row.Replace("\"1 Rue, Tafraout\"", address, StringComparison.Ordinal);
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Plain(Coop("ADDRESS-OPEN", "", $"JD10000{k}", province: "511"), k == 5 ? "\"1 Rue Tafraout" : "1 Rue Tafraout"));
        }

        lines.Add(Asso("ADDRESS-SWALLOWED", "", "2016-01-01", "JD200001"));
        lines.Add(Asso("ADDRESS-SWALLOWED", "", "2016-01-01", "JD200002"));
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Plain(Coop("ADDRESS-CLOSER", "", $"JD30000{k}", province: "511"), "\"3 Rue Tafraout\""));
        }

        var file = await WriteAsync("address-open.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "address-open-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((0, 3, 12), (result.Organizations, result.RejectedOrganizations, result.RejectedRows));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("\n6,ADDRESS-OPEN,a quote is misplaced (the record runs from line 6 to line 9: is a quote left open?)", report, StringComparison.Ordinal);
        Assert.Contains("\n7,ADDRESS-SWALLOWED,a row of it was swallowed by the record at lines 6–9", report, StringComparison.Ordinal);
        Assert.Contains("\n9,ADDRESS-CLOSER,a row of it was swallowed by the record at lines 6–9", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_record_with_a_two_line_address_puts_no_other_key_in_the_report()
    {
        // Leftover of session 16: the address's second line, read as a row, named "Tafraout" as an organisation.
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("TWO-LINES", "", $"JL50000{k}", province: "511").Replace("\"1 Rue, Tafraout\"", "\"1 Rue Al Massira\nTafraout, Maroc\"", StringComparison.Ordinal)
                + (k == 2 ? ",surplus" : ""));
        }

        var file = await WriteAsync("two-lines.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "two-lines-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 5), (result.RejectedOrganizations, result.RejectedRows));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.Equal("4,TWO-LINES,32 fields where the header has 31 (the record runs from line 4 to line 5)", report[2]);
        Assert.DoesNotContain(report, l => l.Contains("Tafraout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Values_the_api_would_refuse_are_refused_with_what_is_wrong_and_none_is_misread()
    {
        const string Manager = ",Manager,,,Fatima JP100001,JP100001,1978-05-02,,MA,,,,,Agricultrice,Tafraout,2022-03-15,2025-03-15";
        var lines = new List<string> { Header };
        string Organization(string key) => Coop(key, "", "JP100001", province: "511")[..Coop(key, "", "JP100001", province: "511").IndexOf(",Member,", StringComparison.Ordinal)];
        for (var k = 1; k <= 5; k++)
        {
            // "100,50" is a decimal comma: it was read as 10050 MAD (a thousands separator).
            lines.Add(Coop("VALUE-COMMA", "", $"JP10000{k}", province: "511").Replace(",100,,,Member", ",\"100,50\",,,Member", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-DECIMALS", "", $"JP10000{k}", province: "511").Replace(",100,,,Member", ",100.125,,,Member", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-FORM-ONLY", "", $"JP10000{k}", province: "511").Replace("Coopérative Import VALUE-FORM-ONLY", "Coopérative", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-SCRIPT", "", $"JP10000{k}", province: "511").Replace("Coopérative Import VALUE-SCRIPT", "تعاونية الأمل", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-PHONE", "", $"JP10000{k}", province: "511").Replace(",100,,,Member", ",100,,call me,Member", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-SHARES", "", $"JP10000{k}", province: "511").Replace(",10,10,", k == 2 ? ",100000001,10," : ",10,10,", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-PAID", "", $"JP10000{k}", province: "511").Replace(",10,10,", k == 2 ? ",1 0,5," : ",10,10,", StringComparison.Ordinal));
            lines.Add(Coop("VALUE-GOOD", "", $"JP10000{k}", province: "511").Replace(",100,,,Member", ",100.5,,+212 661 000001,Member", StringComparison.Ordinal));
        }

        // 9999-12-31 was stored as 'infinity'.
        lines.Add(Organization("VALUE-MANDATE") + Manager.Replace("2025-03-15", "9999-12-31", StringComparison.Ordinal));
        lines.Add(Coop("VALUE-FORM", "", "JP100001", province: "511").Replace(",COOP,", ",coop,", StringComparison.Ordinal));
        lines.Add(Coop("VALUE-NUMBER", "COOP-06-2019-000001", "JP100001", province: "511"));
        var file = await WriteAsync("values.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "values-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(100.5m, await api.ScalarAsync<decimal>("SELECT share_value FROM registry.organizations WHERE name_latin = 'Coopérative Import VALUE-GOOD'"));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_officers WHERE mandate_end = 'infinity'"));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("VALUE-COMMA,\"share_value '100,50' is not a positive amount of at most 100,000,000 MAD written like 1250.50", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-DECIMALS,\"share_value '100.125' is not a positive amount", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-FORM-ONLY,name_latin 'Coopérative' is only a legal form", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-SCRIPT,name_latin is written in Arabic letters: put it in name_ar", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-PHONE,\"contact_phone 'call me' is not 6 to 20 digits or spaces, + first\"", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-SHARES,\"shares_subscribed 100000001 is more than 100,000,000\"", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-PAID,shares_subscribed '1 0' is not a whole number ≥ 0 in digits\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("VALUE-MANDATE,\"mandate_end 9999-12-31 is out of the accepted range, 1900-01-01 to 2150-01-01\"", report, StringComparison.Ordinal);
        Assert.Contains("VALUE-FORM,\"legal_form 'coop' is not COOP, UNION, ASSO or MUTU\"\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("VALUE-NUMBER,registration_number 'COOP-06-2019-000001' does not match the region 01 of province 511", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_sharing_a_cin_or_holding_a_members_cin_as_another_person_reject_their_organisation()
    {
        const string Manager = ",Manager,,,Fatima JO100001,JO100001,1978-05-02,,MA,,,,,Agricultrice,Tafraout,2022-03-15,2025-03-15";
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("OFFICERS-TWICE", "", $"JO10000{k}", province: "511"));
            lines.Add(Coop("OFFICERS-OTHER", "", $"JO10000{k}", province: "511"));
            lines.Add(Coop("OFFICERS-GOOD", "", $"JO10000{k}", province: "511"));
        }

        string Organization(string key) => Coop(key, "", "JO100001", province: "511")[..Coop(key, "", "JO100001", province: "511").IndexOf(",Member,", StringComparison.Ordinal)];
        lines.Add(Organization("OFFICERS-TWICE") + Manager); // 17
        lines.Add(Organization("OFFICERS-TWICE") + Manager.Replace(",Manager,", ",Treasurer,", StringComparison.Ordinal)); // 18
        lines.Add(Organization("OFFICERS-OTHER") + Manager.Replace("Fatima JO100001", "Karim Bennani", StringComparison.Ordinal).Replace("1978-05-02", "1960-01-01", StringComparison.Ordinal)); // 19
        lines.Add(Organization("OFFICERS-GOOD") + Manager.Replace("Fatima JO100001", "Fatima Zahra JO100001", StringComparison.Ordinal)); // 20
        var file = await WriteAsync("officers.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "officers-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 1), (result.Organizations, result.Officers));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin IN ('Coopérative Import OFFICERS-TWICE', 'Coopérative Import OFFICERS-OTHER')"));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("\n18,OFFICERS-TWICE,CIN JO100001 appears twice among the officers (line 17)", report, StringComparison.Ordinal);
        Assert.Contains("\n19,OFFICERS-OTHER,\"CIN JO100001 is the member's at line 3, who is not this officer (another birth date or name)\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICERS-GOOD", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_echoed_to_the_console_cannot_drive_the_operators_terminal()
    {
        var lines = new List<string> { Header };
        lines.Add(Coop("ESC\u001b[2J\u001b]0;owned\u0007", "", "JT100001", province: "999"));
        lines.Add(Coop("BIDI\u202Eevil", "", "JT200001", province: "\u009b31m"));
        var file = await WriteAsync("terminal.csv", [.. lines]);

        var (exit, output, _) = await CliAsync("import", "organizations", file);

        Assert.Equal(2, exit);
        Assert.Contains("line 2 (ESC\uFFFD[2J\uFFFD]0;owned\uFFFD)", output, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]", output);
    }

    [Fact]
    public async Task Header_mistakes_are_named_and_lines_of_only_commas_are_blank()
    {
        var semicolons = await WriteAsync("semicolons.csv", Header.Replace(',', ';'), Coop("SEMI-1", "", "JS900001").Replace(',', ';'));
        var utf16 = Path.Combine(_directory, "utf16.csv");
        await File.WriteAllBytesAsync(utf16, System.Text.Encoding.Unicode.GetBytes(Header + "\r\n" + Coop("UTF16-1", "", "JU900001") + "\r\n"));
        var trailing = await WriteAsync("trailing.csv", Header + ",", Coop("TRAILING-1", "", "JU900002") + ",");

        var (exit, _, error) = await CliAsync("import", "organizations", semicolons);
        Assert.Equal(64, exit);
        Assert.Contains("the columns are separated by semicolons: the separator is a comma", error, StringComparison.Ordinal);

        (exit, _, error) = await CliAsync("import", "organizations", utf16);
        Assert.Equal(64, exit);
        Assert.Contains("is the file UTF-16 without a byte-order mark? Save it as UTF-8", error, StringComparison.Ordinal);

        (exit, _, error) = await CliAsync("import", "organizations", trailing);
        Assert.Equal(64, exit);
        Assert.Contains("unknown: an empty name (a comma too many?)", error, StringComparison.Ordinal);

        // A spreadsheet saves its empty rows as commas, or spaces: no rows, nothing to report.
        var lines = new List<string> { Header, new(',', 30), "   " };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("BLANKS-1", "", $"JB90000{k}", province: "511"));
            lines.Add(" ,  ,,");
        }

        var blanks = await WriteAsync("blanks.csv", [.. lines]);
        (exit, var output, _) = await CliAsync("import", "organizations", blanks);
        Assert.Equal(0, exit);
        Assert.Contains("imported 1 organisations (5 members, 0 officers)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_millions_of_commas_keeps_a_bounded_number_of_fields_and_says_how_many_it_has()
    {
        using var reader = new StringReader("a,b\n" + new string(',', 2_000_000) + "\n");

        var records = Csv.Read(reader).ToList();

        Assert.Equal(2_000_001, records[1].FieldCount);
        Assert.Equal(Csv.MaxFields, records[1].Fields.Count);
        Assert.False(records[1].Cut);
    }

    [Fact]
    public void Each_line_of_a_broken_record_gives_its_key_trimmed_and_a_record_that_is_not_broken_none()
    {
        // Lines 2–3 are one record (a quoted line break); the quote opened on line 4 closes on line 6 with text after it,
        // so lines 4–6 are one broken record; line 7's quote closes with text after it too.
        using var reader = new StringReader("n,key,text\n1, K1 ,\"two\nlines\"\n2,K2,\"open\n3,  K2 ,plain\n4,\"K3\" ,x\n5,\"K4\"x,y\n");

        var records = Csv.Read(reader, () => 1).ToList();

        Assert.Equal([(1, 1, false), (2, 3, false), (4, 6, true), (7, 7, true)], records.Select(r => (r.Line, r.LastLine, r.Broken)));
        Assert.Null(records[1].LineKeys);
        var swallowed = records[2].LineKeys!;
        Assert.Equal([new LineKey(4, "K2", false), new LineKey(5, "K2", false), new LineKey(6, "K3", false)], swallowed);
        Assert.Same(swallowed[0].Key, swallowed[1].Key); // the rows of one organisation that follow each other: one string
        Assert.Equal([new LineKey(7, "K4x", true)], records[3].LineKeys!); // its quotes do not read as CSV: read loosely
    }

    [Fact]
    public async Task A_rerun_of_a_corrected_file_changes_nothing_and_reports_the_organisations_it_leaves_as_they_were()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("RERUN-EDITED", "", $"JR50000{k}", province: "511"));
            lines.Add(Coop("RERUN-SAME", "", $"JR60000{k}", province: "511"));
        }

        lines.Add(Asso("RERUN-NUMBER", "", "2018-02-01", "JR700001"));
        var file = await WriteAsync("rerun.csv", [.. lines]);
        var first = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, null, CancellationToken.None);
        Assert.Equal(3, first.Organizations);
        var number = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Association RERUN-NUMBER'");
        var counts = await CountsAsync();
        var entries = await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries");

        // Corrected since: a member's name, and a number the old register gave; the same rows of RERUN-SAME, reordered.
        var corrected = new List<string> { Header };
        corrected.AddRange(lines.Skip(1).Where(l => l.StartsWith("RERUN-SAME", StringComparison.Ordinal)).Reverse());
        corrected.AddRange(lines.Skip(1).Where(l => l.StartsWith("RERUN-EDITED", StringComparison.Ordinal))
            .Select(l => l.Replace("Fatima JR500003", "Fatima Zahra JR500003", StringComparison.Ordinal)));
        var kept = number!.EndsWith("000009", StringComparison.Ordinal) ? number[..^6] + "000010" : number[..^6] + "000009";
        corrected.Add(Asso("RERUN-NUMBER", kept, "2018-02-01", "JR700001"));
        var correctedFile = await WriteAsync("rerun-corrected.csv", [.. corrected]);
        var reportPath = Path.Combine(_directory, "rerun-corrected-rejected.csv");

        var (exit, output, _) = await CliAsync("import", "organizations", correctedFile, "--report", reportPath);

        Assert.Equal(2, exit);
        Assert.Contains("imported 0 organisations (0 members, 0 officers); 1 already present (unchanged); rejected 2 organisations, 6 rows", output, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(entries, await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries"));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_members WHERE full_name_latin = 'Fatima Zahra JR500003'"));
        var report = await File.ReadAllLinesAsync(reportPath);
        Assert.Equal(7, report.Length);
        Assert.Equal("7,RERUN-EDITED,already in the registry, imported with other values than these: not changed (a registered organisation changes by declarations)",
            report[1].Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal($"12,RERUN-NUMBER,\"already in the registry as {number}, not {kept}: nothing of it is changed\"", report[6]);
    }

    [Fact]
    public async Task The_same_organisation_under_two_source_keys_is_rejected_each_naming_the_other_and_a_rerun_changes_nothing()
    {
        // A cooperative's name is one organisation's (a reservation of it would be refused): the same normalised name under
        // two keys is one cooperative twice, whichever spelling. Associations' names repeat: only the same form, name,
        // province and founding date make a double.
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("TWICE-A", "", $"JW10000{k}", province: "511").Replace("Coopérative Import TWICE-A", "Coopérative Al-Wifaq Twice", StringComparison.Ordinal));
            lines.Add(Coop("TWICE-B", "", $"JW20000{k}", province: "511").Replace("Coopérative Import TWICE-B", "COOPERATIVE AL WIFAQ  TWICE", StringComparison.Ordinal));
            lines.Add(Coop("TWICE-OTHER", "", $"JW30000{k}", province: "511"));
        }

        lines.Add(Asso("TWICE-ASSO-1", "", "2019-03-01", "JW400001").Replace("Association TWICE-ASSO-1", "Association Twice Amal", StringComparison.Ordinal)); // 17
        lines.Add(Asso("TWICE-ASSO-2", "", "2019-04-01", "JW400002").Replace("Association TWICE-ASSO-2", "Association Twice Amal", StringComparison.Ordinal)); // 18
        lines.Add(Asso("TWICE-ASSO-3", "", "2019-03-01", "JW400003").Replace("Association TWICE-ASSO-3", "Association Twice Amal", StringComparison.Ordinal)
            .Replace("2015-01-01", "2014-01-01", StringComparison.Ordinal)); // another founding date: another association
        var file = await WriteAsync("twice.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "twice-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((2, 4), (result.Organizations, result.RejectedOrganizations));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE normalized_name_latin = 'al wifaq twice'"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import TWICE-OTHER'"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Association Twice Amal'"));
        var report = (await File.ReadAllTextAsync(reportPath)).ReplaceLineEndings("\n");
        Assert.Contains("\n2,TWICE-A,name_latin is the name of source key TWICE-B in this file (normalised: al wifaq twice): a cooperative's or a union's name is one organisation's\n", report, StringComparison.Ordinal);
        Assert.Contains("\n3,TWICE-B,name_latin is the name of source key TWICE-A in this file (normalised: al wifaq twice)", report, StringComparison.Ordinal);
        Assert.Contains("\n5,TWICE-A,organisation rejected: another of its rows is invalid", report, StringComparison.Ordinal);
        Assert.Contains("\n17,TWICE-ASSO-1,\"probably the same organisation as source key TWICE-ASSO-2 in this file: the same legal_form, name_latin (normalised: twice amal), province_code and founding_date\"", report, StringComparison.Ordinal);
        Assert.Contains("\n18,TWICE-ASSO-2,\"probably the same organisation as source key TWICE-ASSO-1 in this file", report, StringComparison.Ordinal);
        Assert.DoesNotContain("TWICE-OTHER", report, StringComparison.Ordinal);
        Assert.DoesNotContain("TWICE-ASSO-3", report, StringComparison.Ordinal);

        var counts = await CountsAsync();
        var again = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((0, 2, 4), (again.Organizations, again.AlreadyPresent, again.RejectedOrganizations));
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(report, (await File.ReadAllTextAsync(reportPath)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_organisation_named_as_a_registered_one_or_a_live_reservation_is_rejected_and_the_registered_one_stays_already_present()
    {
        var first = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            first.Add(Coop("NAMED-1", "", $"JV10000{k}", province: "511").Replace("Coopérative Import NAMED-1", "Coopérative Al Baraka Named", StringComparison.Ordinal));
        }

        first.Add(Asso("NAMED-ASSO-1", "", "2019-03-01", "JV200001").Replace("Association NAMED-ASSO-1", "Association Named Nour", StringComparison.Ordinal));
        var firstFile = await WriteAsync("named-first.csv", [.. first]);
        Assert.Equal(2, (await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(firstFile, null, CancellationToken.None)).Organizations);
        var coop = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Coopérative Al Baraka Named'");
        var asso = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = 'Association Named Nour'");
        var applicant = await api.NewApplicantAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(applicant,
            "/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = "Coopérative Named Atlas" })).StatusCode);

        // The same file's organisations again (their own names are no collision), a second key for each, a reserved name.
        var second = new List<string>(first);
        for (var k = 1; k <= 5; k++)
        {
            second.Add(Coop("NAMED-2", "", $"JV30000{k}", province: "511").Replace("Coopérative Import NAMED-2", "COOPERATIVE AL-BARAKA NAMED", StringComparison.Ordinal)); // 8-12
            second.Add(Coop("NAMED-RESERVED", "", $"JV40000{k}", province: "511").Replace("Coopérative Import NAMED-RESERVED", "Named Atlas", StringComparison.Ordinal)); // 9-13
        }

        second.Add(Asso("NAMED-ASSO-2", "", "2019-05-01", "JV500001").Replace("Association NAMED-ASSO-2", "Association Named Nour", StringComparison.Ordinal)); // 18
        second.Add(Asso("NAMED-ASSO-3", "", "2019-05-01", "JV500002").Replace("Association NAMED-ASSO-3", "Association Named Nour", StringComparison.Ordinal)
            .Replace(",391,", ",291,", StringComparison.Ordinal)); // another province: another association
        var secondFile = await WriteAsync("named-second.csv", [.. second]);
        var reportPath = Path.Combine(_directory, "named-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(secondFile, reportPath, CancellationToken.None);

        Assert.Equal((1, 2, 3), (result.Organizations, result.AlreadyPresent, result.RejectedOrganizations));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE normalized_name_latin = 'al baraka named'"));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE normalized_name_latin = 'named atlas'"));
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Association Named Nour'"));
        var report = (await File.ReadAllTextAsync(reportPath)).ReplaceLineEndings("\n");
        Assert.Contains($"\n8,NAMED-2,\"name_latin is the name of {coop}, already registered (normalised: al baraka named): a cooperative's or a union's name is one organisation's\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("source key NAMED-1", report, StringComparison.Ordinal); // named by its number, as registered
        Assert.Contains("\n9,NAMED-RESERVED,\"name_latin is a name reserved by an applicant (normalised: named atlas; a live reservation, until ", report, StringComparison.Ordinal);
        Assert.Contains($"\n18,NAMED-ASSO-2,\"probably {asso}, already registered: the same legal_form, name_latin (normalised: named nour), province_code and founding_date\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("NAMED-1,", report, StringComparison.Ordinal);
        Assert.DoesNotContain("NAMED-ASSO-1", report, StringComparison.Ordinal);
        Assert.DoesNotContain("NAMED-ASSO-3", report, StringComparison.Ordinal);

        var counts = await CountsAsync();
        var again = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(secondFile, reportPath, CancellationToken.None);

        Assert.Equal((0, 3, 3), (again.Organizations, again.AlreadyPresent, again.RejectedOrganizations));
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_share_value_above_the_apis_100_000_000_mad_is_refused_saying_so()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("SHARE-MAX", "", $"JM10000{k}", province: "511").Replace(",100,,,Member", ",100000000.00,,,Member", StringComparison.Ordinal));
            lines.Add(Coop("SHARE-OVER", "", $"JM10000{k}", province: "511").Replace(",100,,,Member", ",100000000.01,,,Member", StringComparison.Ordinal));
            lines.Add(Coop("SHARE-HUGE", "", $"JM10000{k}", province: "511").Replace(",100,,,Member", ",999999999999,,,Member", StringComparison.Ordinal));
        }

        var file = await WriteAsync("share-value.csv", [.. lines]);
        var reportPath = Path.Combine(_directory, "share-value-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal((1, 2), (result.Organizations, result.RejectedOrganizations));
        Assert.Equal(100_000_000m, await api.ScalarAsync<decimal>("SELECT share_value FROM registry.organizations WHERE name_latin = 'Coopérative Import SHARE-MAX'"));
        var report = await File.ReadAllTextAsync(reportPath);
        Assert.Contains("3,SHARE-OVER,\"share_value '100000000.01' is not a positive amount of at most 100,000,000 MAD written like 1250.50 (digits, at most 2 decimals after a point)\"", report, StringComparison.Ordinal);
        Assert.Contains("4,SHARE-HUGE,\"share_value '999999999999' is not a positive amount of at most 100,000,000 MAD", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_whose_source_key_is_damaged_rejects_the_organisation_it_may_belong_to()
    {
        // Each organisation has a sixth row whose key is damaged: a stray byte that is not UTF-8, a line saved in Latin-1
        // (its É and é are not UTF-8: its name is damaged too, so that only the key tells whose row it is), a control
        // character. The organisation is not loaded without that row; a damaged key that may be no other stays alone.
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("STRAY-1", "", $"JK10000{k}", province: "511"));
            lines.Add(Coop("CAFÉ-1", "", $"JK10000{k}", province: "511"));
            lines.Add(Coop("CONTROL-1", "", $"JK10000{k}", province: "511"));
            lines.Add(Coop("UNDAMAGED-1", "", $"JK10000{k}", province: "511"));
        }

        lines.Add(Coop("STRAY@@FF@@-1", "", "JK100006", province: "511")); // 22
        lines.Add("@@LATIN1@@" + Coop("CAFÉ-1", "", "JK100006", province: "511")); // 23
        lines.Add(Coop("CONTROL-1", "", "JK100006", province: "511")); // 24
        lines.Add(Coop("LONELY@@FF@@-9", "", "JK100007", province: "511")); // 25
        var bytes = new List<byte>();
        foreach (var line in lines)
        {
            bytes.AddRange(line.StartsWith("@@LATIN1@@", StringComparison.Ordinal)
                ? System.Text.Encoding.Latin1.GetBytes(line["@@LATIN1@@".Length..])
                : System.Text.Encoding.UTF8.GetBytes(line));
            bytes.Add((byte)'\n');
        }

        var marker = System.Text.Encoding.UTF8.GetBytes("@@FF@@");
        var content = bytes.ToArray();
        for (var at = content.AsSpan().IndexOf(marker); at >= 0; at = content.AsSpan().IndexOf(marker))
        {
            content = [.. content[..at], 0xFF, .. content[(at + marker.Length)..]];
        }

        var file = Path.Combine(_directory, "damaged-keys.csv");
        await File.WriteAllBytesAsync(file, content);
        var reportPath = Path.Combine(_directory, "damaged-keys-rejected.csv");

        var result = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, reportPath, CancellationToken.None);

        Assert.Equal(1, result.Organizations);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin IN ('Coopérative Import STRAY-1', 'Coopérative Import CAFÉ-1', 'Coopérative Import CONTROL-1')"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import UNDAMAGED-1'"));
        Assert.Equal(7, result.RejectedOrganizations); // the three, their damaged keys and the lonely one
        var report = (await File.ReadAllTextAsync(reportPath)).ReplaceLineEndings("\n");
        const string May = "is damaged (control characters or bytes that are not UTF-8) and may be this one: that row may be of this organisation, which is not loaded without it";
        Assert.Contains($"\n2,STRAY-1,\"the source key at line 22 {May}\"", report, StringComparison.Ordinal);
        Assert.Contains($"\n3,CAFÉ-1,\"the source key at line 23 {May}\"", report, StringComparison.Ordinal);
        Assert.Contains($"\n4,CONTROL-1,", report, StringComparison.Ordinal);
        Assert.Contains($"the source key at line 24 {May}", report, StringComparison.Ordinal);
        Assert.Contains("\n22,STRAY\uFFFD-1,source_key is not valid UTF-8", report, StringComparison.Ordinal);
        Assert.Contains("\n23,CAF\uFFFD-1,source_key is not valid UTF-8", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 25", report, StringComparison.Ordinal);
        Assert.DoesNotContain("UNDAMAGED-1", report, StringComparison.Ordinal);
    }

    private static string Asso(string key, string number, string registeredOn, string cin) =>
        $"{key},{number},ASSO,,Association {key},DEVELOPPEMENT_LOCAL,391,1 Avenue Dakhla,2015-01-01,{registeredOn},12-31,,,,,Member,NaturalPerson,,Omar {cin},{cin},1980-01-01,Male,MA,,,,,,,,";

    private async Task<string> WriteAsync(string name, params string[] lines)
    {
        var file = Path.Combine(_directory, name);
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    private async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync([.. args, "--connection", api.ConnectionString], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string?> CountsAsync() => await api.ScalarAsync<string>("""
        SELECT concat_ws(',', (SELECT count(*) FROM registry.organizations), (SELECT count(*) FROM registry.applications),
                              (SELECT count(*) FROM registry.organization_members), (SELECT count(*) FROM registry.organization_officers),
                              (SELECT string_agg(legal_form || region_code || year || ':' || last_value, ' ' ORDER BY 1) FROM registry.registration_sequences))
        """);
}
