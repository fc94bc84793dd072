using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Registry.Cli.Generation;
using Registry.Cli.Import;
using Registry.IntegrationTests.Compliance;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Statistics;

/// <summary>
/// The statistics rollup stays exactly equal to a direct GROUP BY over the organisations and their findings right
/// after every kind of change, each made the way the product makes it.
/// </summary>
public sealed class StatisticsRollupTests(ComplianceApiFactory api) : IClassFixture<ComplianceApiFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("registry-rollup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_approval_a_status_decision_and_a_member_change_declaration_each_move_the_organisation_in_the_rollup()
    {
        var before = await Rollup.TotalsAsync(api.ConnectionString, "region_code = '09'");
        var (number, email) = await api.RegisterAsync(new DateOnly(2026, 2, 10), Samples.Cooperative(province: "001"), region: "09");
        await Rollup.AssertExactAsync(api.ConnectionString);
        var approved = await Rollup.TotalsAsync(api.ConnectionString, "region_code = '09'");
        Assert.Equal((before.Organizations + 1, before.Members + 5), (approved.Organizations, approved.Members));

        var owner = await api.OwnerOnAsync(new DateOnly(2026, 3, 1), email);
        var declared = await owner.PostAsJsonAsync($"/api/v1/organizations/{number}/declarations",
            new { kind = "MemberChange", effectiveOn = "2026-03-01", leaving = new[] { "D112233" } });
        await WorkflowSteps.Expect(declared, HttpStatusCode.Created);
        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.Equal(before.Members + 4, (await Rollup.TotalsAsync(api.ConnectionString, "region_code = '09'")).Members);

        const string Suspended = "region_code = '09' AND status = 'Suspended'";
        var suspendedBefore = (await Rollup.TotalsAsync(api.ConnectionString, Suspended)).Organizations;
        var official = await api.NewStaffAsync("RegionalOfficial", "09");
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Assemblée générale non tenue." }), HttpStatusCode.OK);
        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.Equal(suspendedBefore + 1, (await Rollup.TotalsAsync(api.ConnectionString, Suspended)).Organizations);
    }

    [Fact]
    public async Task The_compliance_sweep_moves_an_organisation_out_of_the_compliant_cells_and_back_when_it_complies()
    {
        var (number, email) = await api.RegisterAsync(new DateOnly(2025, 3, 1), Samples.Cooperative(province: "111"));
        await api.SweepAsync();
        await Rollup.AssertExactAsync(api.ConnectionString);
        var compliant = await Rollup.TotalsAsync(api.ConnectionString);

        api.Clock.Set(new DateOnly(2026, 7, 1)); // the general assembly of 2025 was due on 2026-06-30
        await api.SweepAsync();
        Assert.Equal("Overdue", (await api.FindingAsync(number, "GA_OVERDUE"))?.Stage);
        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.True((await Rollup.TotalsAsync(api.ConnectionString)).NonCompliant > compliant.NonCompliant);

        var analyst = await api.SignInAsync(await AnalystEmailAsync());
        var row = (await (await analyst.GetAsync($"/api/v1/statistics/organizations?province=111&year=2025")).ReadJsonAsync()).AsArray().Single()!;
        Assert.True((double)row["complianceRate"]! < 1.0);

        var owner = await api.OwnerOnAsync(new DateOnly(2026, 7, 2), email);
        await WorkflowSteps.Expect(await owner.DeclareAsync(number, new { kind = "GeneralAssembly", effectiveOn = "2026-07-01" }, Samples.Pdf),
            HttpStatusCode.Created);
        await api.SweepAsync();
        Assert.Equal("Resolved", (await api.FindingAsync(number, "GA_OVERDUE"))?.Stage);
        await Rollup.AssertExactAsync(api.ConnectionString);
    }

    [Fact]
    public async Task The_generator_in_both_loading_modes_and_an_import_leave_the_rollup_exact()
    {
        var staged = await new GenerateCommand(api.ConnectionString, TextWriter.Null).RunAsync(
            new GenerateOptions(Organizations: 120, MembersPerOrganization: 8, Seed: 11, Indexes: IndexMode.Staging), CancellationToken.None);
        Assert.Equal(120, staged.Organizations);
        await Rollup.AssertExactAsync(api.ConnectionString);

        // Straight into the bare tables with the triggers standing aside, then rebuilt in one pass.
        var before = await Rollup.TotalsAsync(api.ConnectionString);
        await new GenerateCommand(api.ConnectionString, TextWriter.Null).RunAsync(
            new GenerateOptions(Organizations: 150, MembersPerOrganization: 8, Seed: 12, Indexes: IndexMode.Rebuild), CancellationToken.None);
        Assert.Equal(before.Organizations + 150, (await Rollup.TotalsAsync(api.ConnectionString)).Organizations);
        await Rollup.AssertExactAsync(api.ConnectionString);

        var file = Path.Combine(_directory, "organizations.csv");
        await File.WriteAllLinesAsync(file,
        [
            "source_key,registration_number,legal_form,name_ar,name_latin,sector_code,province_code,seat_address,founding_date,registered_on,financial_year_end," +
            "ice,share_value,contact_email,contact_phone,person_role,member_kind,full_name_ar,full_name_latin,cin,birth_date,gender,nationality," +
            "legal_name,legal_identifier,shares_subscribed,shares_paid,profession,address,mandate_start,mandate_end",
            "R-1,,ASSO,جمعية الإحصاء للتنمية,,DEVELOPPEMENT_LOCAL,291,5 Avenue Mohammed V,2018-06-01,2018-07-10,12-31,,,,,Member,NaturalPerson,عمر العلوي,,X700200,1980-01-01,Male,MA,,,,,,,,",
            "R-1,,ASSO,جمعية الإحصاء للتنمية,,DEVELOPPEMENT_LOCAL,291,5 Avenue Mohammed V,2018-06-01,2018-07-10,12-31,,,,,Member,NaturalPerson,أمينة التازي,,X700201,1983-04-04,Female,MA,,,,,,,,",
            "R-2,,ASSO,,Association Rollup Import,SPORT,141,1 Rue X,2017-01-01,2017-02-01,12-31,,,,,Member,NaturalPerson,,Omar Test,AB700300,1980-01-01,Male,MA,,,,,,,,",
        ]);
        const string Imported = "registration_year = 2018 AND legal_form = 'ASSO' AND region_code = '04'";
        var beforeImport = await Rollup.TotalsAsync(api.ConnectionString, Imported);
        var imported = await new ImportCommand(api.ConnectionString, TextWriter.Null).RunAsync(file, Path.Combine(_directory, "rejected.csv"), CancellationToken.None);
        Assert.Equal(2, imported.Organizations);
        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.Equal((beforeImport.Organizations + 1, beforeImport.Members + 2), ((await Rollup.TotalsAsync(api.ConnectionString, Imported)).Organizations, (await Rollup.TotalsAsync(api.ConnectionString, Imported)).Members));
    }

    [Fact]
    public async Task Set_based_statements_over_many_rows_keep_the_rollup_exact()
    {
        await new GenerateCommand(api.ConnectionString, TextWriter.Null).RunAsync(
            new GenerateOptions(Organizations: 100, MembersPerOrganization: 6, Seed: 21, Indexes: IndexMode.Staging), CancellationToken.None);
        await Execute("""
            INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at)
            SELECT o.id, o.id, r.rule, CASE WHEN r.rule = 'INACTIVE' THEN 'Escalated' ELSE 'Overdue' END, '2026-01-01', now(), now()
            FROM registry.organizations o CROSS JOIN (VALUES ('INACTIVE'), ('CAPITAL_NOT_PAID')) r(rule)
            WHERE o.legal_form = 'COOP'
            """);
        Assert.True((await Rollup.TotalsAsync(api.ConnectionString)).NonCompliant > 0);
        await Rollup.AssertExactAsync(api.ConnectionString);

        // One of two overdue findings resolved: still non-compliant; both: compliant again.
        await Execute("UPDATE registry.findings SET stage = 'Resolved' WHERE rule_code = 'INACTIVE'");
        await Rollup.AssertExactAsync(api.ConnectionString);
        await Execute("UPDATE registry.organizations SET status = 'Dissolved', member_count = member_count + 1 WHERE legal_form = 'ASSO' AND registration_number LIKE '%5'");
        await Rollup.AssertExactAsync(api.ConnectionString);
        await Execute("DELETE FROM registry.findings WHERE rule_code = 'CAPITAL_NOT_PAID' AND organization_id IN (SELECT id FROM registry.organizations WHERE region_code < '06')");
        await Rollup.AssertExactAsync(api.ConnectionString);
        await Execute("UPDATE registry.organizations SET registered_at = registered_at - interval '40 days', province_code = '111', region_code = '06' WHERE legal_form = 'COOP'");
        await Rollup.AssertExactAsync(api.ConnectionString);
        await Execute("TRUNCATE registry.findings");
        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.Equal(0, (await Rollup.TotalsAsync(api.ConnectionString)).NonCompliant);
    }

    [Fact]
    public async Task A_finding_and_a_status_decision_racing_on_one_organisation_move_it_exactly_once()
    {
        var (number, _) = await api.RegisterAsync(new DateOnly(2026, 4, 1), Samples.Cooperative(province: "111"));
        var id = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE registration_number = $1", number);
        const string Cell = "status = 'Suspended' AND has_overdue_finding AND region_code = '06' AND registration_year = 2026";
        var before = (await Rollup.TotalsAsync(api.ConnectionString, Cell)).Organizations;

        // The status change holds the organisation's row; the finding's trigger must wait for it and then read
        // its new status (reading the old one would move it out of a cell it has already left).
        await using (var decision = await api.OpenConnectionAsync())
        await using (var sweep = await api.OpenConnectionAsync())
        {
            await using var decided = await decision.BeginTransactionAsync();
            await Execute(decision, "UPDATE registry.organizations SET status = 'Suspended' WHERE id = $1", id);
            await using var swept = await sweep.BeginTransactionAsync();
            var finding = Execute(sweep, """
                INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at)
                VALUES ($1, $1, 'INACTIVE', 'Escalated', '2026-01-01', now(), now())
                """, id);
            await Task.Delay(300);
            Assert.False(finding.IsCompleted);
            await decided.CommitAsync();
            await finding;
            await swept.CommitAsync();
        }

        await Rollup.AssertExactAsync(api.ConnectionString);
        Assert.Equal(before + 1, (await Rollup.TotalsAsync(api.ConnectionString, Cell)).Organizations);

        // The other way round: the finding first, the status change waits for it, then reads the finding's count.
        await using (var sweep = await api.OpenConnectionAsync())
        await using (var decision = await api.OpenConnectionAsync())
        {
            await using var swept = await sweep.BeginTransactionAsync();
            await Execute(sweep, "UPDATE registry.findings SET stage = 'Resolved' WHERE subject_id = $1", id);
            await using var decided = await decision.BeginTransactionAsync();
            var status = Execute(decision, "UPDATE registry.organizations SET status = 'Active' WHERE id = $1", id);
            await Task.Delay(300);
            Assert.False(status.IsCompleted);
            await swept.CommitAsync();
            await status;
            await decided.CommitAsync();
        }

        await Rollup.AssertExactAsync(api.ConnectionString);
    }

    [Fact]
    public async Task Every_grouping_and_filter_answers_what_a_direct_count_over_the_organisations_gives()
    {
        await new GenerateCommand(api.ConnectionString, TextWriter.Null).RunAsync(
            new GenerateOptions(Organizations: 200, MembersPerOrganization: 6, Seed: 31, Indexes: IndexMode.Staging), CancellationToken.None);
        await Execute("""
            INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at)
            SELECT o.id, o.id, 'INACTIVE', 'Overdue', '2026-01-01', now(), now() FROM registry.organizations o
            WHERE o.registration_number LIKE '%3' OR o.registration_number LIKE '%7'
            ON CONFLICT DO NOTHING
            """);
        var analyst = await api.SignInAsync(await AnalystEmailAsync());
        string[] dimensions = ["region", "province", "legalForm", "sector", "status", "year"];
        var groupings = new List<string[]> { Array.Empty<string>() };
        groupings.AddRange(dimensions.Select(d => new[] { d }));
        groupings.AddRange(dimensions.SelectMany((a, i) => dimensions.Skip(i + 1).Select(b => new[] { a, b })));
        var filters = new[] { "", "region=06", "province=141", "sector=AGRI", "legalForm=ASSO&status=Active", "year=2020", "region=09&year=2024&legalForm=COOP" };
        foreach (var filter in filters)
        {
            foreach (var grouping in groupings)
            {
                var query = string.Join("&", new[] { grouping.Length > 0 ? "groupBy=" + string.Join(",", grouping) : "", filter }.Where(q => q.Length > 0));
                var rows = (await (await analyst.GetAsync("/api/v1/statistics/organizations?" + query)).ReadJsonAsync()).AsArray();
                var answered = rows.Select(r => string.Concat(grouping.Select(d => (string)r!["group"]![d]! + "|"))
                    // The rate has four decimals: with at most a few hundred organisations it gives back the compliant count exactly.
                    + $"{(long)r!["organizations"]!}|{(long)r["members"]!}|{(long)r["womenMembers"]!}|{Math.Round((double)r["complianceRate"]! * (long)r["organizations"]!)}")
                    .Order(StringComparer.Ordinal).ToList();
                Assert.Equal(await DirectAsync(grouping, filter), answered);
            }
        }

        // Registrations per month: whole months, and a range starting and ending inside months.
        foreach (var (from, to) in new[] { ("2015-01-01", "2026-12-31"), ("2019-03-17", "2021-02-09") })
        {
            foreach (var grouping in new[] { Array.Empty<string>(), ["province"], ["sector"], ["region", "legalForm"], ["province", "sector"] })
            {
                var query = $"from={from}&to={to}" + (grouping.Length > 0 ? "&groupBy=" + string.Join(",", grouping) : "");
                var rows = (await (await analyst.GetAsync("/api/v1/statistics/registrations?" + query)).ReadJsonAsync()).AsArray();
                var answered = rows.Select(r => (string)r!["month"]! + string.Concat(grouping.Select(d => "|" + (string)r["group"]![d]!)) + $"|{(long)r["registrations"]!}")
                    .Order(StringComparer.Ordinal).ToList();
                Assert.Equal(await DirectMonthsAsync(grouping, from, to), answered);
            }
        }
    }

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["region"] = "o.region_code", ["province"] = "o.province_code", ["legalForm"] = "o.legal_form", ["sector"] = "o.sector_code", ["status"] = "o.status",
        ["year"] = "extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::int::text",
    };

    /// <summary>The answer computed here over the organisations and findings, as "key|key|organizations|members|women|compliant" lines.</summary>
    private async Task<List<string>> DirectAsync(string[] grouping, string filter)
    {
        var where = filter.Length == 0 ? "true" : string.Join(" AND ", filter.Split('&').Select(f => f.Split('=')).Select(kv => $"{Columns[kv[0]]} = '{kv[1]}'"));
        var keys = string.Concat(grouping.Select(d => $"{Columns[d]} || '|' || "));
        var group = grouping.Length == 0 ? "" : "GROUP BY " + string.Join(", ", grouping.Select(d => Columns[d]));
        return await ListAsync($"""
            SELECT {keys}count(*) || '|' || sum(o.member_count) || '|' || sum(o.women_member_count) || '|' ||
                   count(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM registry.findings f WHERE f.organization_id = o.id AND f.stage IN ('Overdue', 'Escalated')))
            FROM registry.organizations o WHERE {where} {group} HAVING count(*) > 0
            """);
    }

    private async Task<List<string>> DirectMonthsAsync(string[] grouping, string from, string to)
    {
        var keys = string.Concat(grouping.Select(d => $" || '|' || {Columns[d]}"));
        var group = string.Concat(grouping.Select(d => ", " + Columns[d]));
        return await ListAsync($"""
            SELECT to_char(o.registered_at AT TIME ZONE 'Africa/Casablanca', 'YYYY-MM'){keys} || '|' || count(*)
            FROM registry.organizations o
            WHERE (o.registered_at AT TIME ZONE 'Africa/Casablanca')::date BETWEEN '{from}' AND '{to}'
            GROUP BY to_char(o.registered_at AT TIME ZONE 'Africa/Casablanca', 'YYYY-MM'){group}
            """);
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return [.. list.Order(StringComparer.Ordinal)];
    }

    private async Task<string> AnalystEmailAsync()
    {
        var email = $"analyst-{Guid.NewGuid():N}@registry.test";
        using var admin = await api.SignInAsync(RegistryApiFactory.AdminEmail);
        await WorkflowSteps.Expect(await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = RegistryApiFactory.Password, role = "MinistryAnalyst", regionCodes = Array.Empty<string>() }), HttpStatusCode.Created);
        return email;
    }

    private async Task Execute(string sql)
    {
        await using var connection = await api.OpenConnectionAsync();
        await Execute(connection, sql);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
