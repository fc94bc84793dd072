using System.Net;
using Registry.Cli.Benchmark;
using Registry.Cli.Common;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Cli;

public sealed class GenerateCommandTests(GeneratedRegistryFactory api) : IClassFixture<GeneratedRegistryFactory>
{
    [Fact]
    public async Task Generate_loads_the_requested_organisations_each_with_its_approved_application_members_and_officers()
    {
        Assert.Equal(GeneratedRegistryFactory.Organizations, api.Generated!.Organizations);
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE application_id IN (SELECT id FROM registry.applications WHERE status = 'Approved')") >= GeneratedRegistryFactory.Organizations);
        // Generated applications carry no deciding official (other tests of the class approve through the API).
        const string generated = "SELECT o.id FROM registry.organizations o JOIN registry.applications a ON a.id = o.application_id WHERE a.decided_by IS NULL";
        Assert.Equal((long)GeneratedRegistryFactory.Organizations, await api.ScalarAsync<long>($"SELECT count(*) FROM ({generated}) g"));
        Assert.Equal(api.Generated.Members, await api.ScalarAsync<long>($"SELECT count(*) FROM registry.organization_members WHERE organization_id IN ({generated})"));
        Assert.Equal(api.Generated.Officers, await api.ScalarAsync<long>($"SELECT count(*) FROM registry.organization_officers WHERE organization_id IN ({generated})"));
        // Every legal form and most regions are present; associations dominate.
        Assert.Equal(4L, await api.ScalarAsync<long>("SELECT count(DISTINCT legal_form) FROM registry.organizations"));
        Assert.True(await api.ScalarAsync<long>("SELECT count(DISTINCT region_code) FROM registry.organizations") >= 10);
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE legal_form = 'ASSO'") > GeneratedRegistryFactory.Organizations / 2);
        var average = (double)api.Generated.Members / api.Generated.Organizations;
        Assert.InRange(average, 12, 30);
        Assert.Contains("generate + binary COPY", api.GenerateOutput, StringComparison.Ordinal);
        Assert.Contains("rows/s", api.GenerateOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_counts_women_and_capital_on_the_organisation_agree_with_the_members_loaded()
    {
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM registry.organizations o
            LEFT JOIN (SELECT organization_id, count(*) AS n, count(*) FILTER (WHERE gender = 'Female') AS women,
                              sum(shares_subscribed) AS subscribed, sum(shares_paid) AS paid
                       FROM registry.organization_members GROUP BY organization_id) m ON m.organization_id = o.id
            WHERE o.member_count <> coalesce(m.n, 0) OR o.women_member_count <> coalesce(m.women, 0)
               OR o.subscribed_capital <> coalesce(m.subscribed, 0) * coalesce(o.share_value, 0)
               OR o.paid_capital <> coalesce(m.paid, 0) * coalesce(o.share_value, 0)
            """));
        // Natural persons: well-formed CIN, unique within the organisation, adult, with a gender.
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM registry.organization_members
            WHERE kind = 'NaturalPerson' AND (cin !~ '^[A-Z]{1,2}[0-9]{1,6}$' OR birth_date IS NULL OR gender NOT IN ('Female', 'Male'))
            """));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM (SELECT organization_id, cin FROM registry.organization_members WHERE cin IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d"));
        // Compliance history exists to find: some below the minimum, some capital unpaid, some expired mandates.
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE last_general_assembly_on IS NOT NULL") > 0);
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM registry.organization_officers WHERE mandate_end < current_date") > 0);
    }

    [Fact]
    public async Task Normalised_names_are_stored_for_every_name()
    {
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM registry.organizations
            WHERE (name_ar IS NULL AND name_latin IS NULL)
               OR (name_ar IS NOT NULL AND normalized_name_ar = '') OR (name_latin IS NOT NULL AND normalized_name_latin = '')
            """));
        var sample = await api.ScalarAsync<string>("SELECT name_latin || '|' || normalized_name_latin FROM registry.organizations WHERE name_latin LIKE 'Coopérative%' LIMIT 1");
        var parts = sample!.Split('|');
        Assert.Equal(Registry.Domain.Names.NameNormalizer.NormalizeLatin(parts[0]), parts[1]);
        // Cooperatives' names are unique once normalised (a reservation would refuse a taken one).
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT normalized_name_latin FROM registry.organizations
                                  WHERE legal_form IN ('COOP', 'UNION') AND normalized_name_latin <> '' GROUP BY 1 HAVING count(*) > 1) d
            """));
    }

    [Fact]
    public async Task Registration_numbers_are_gap_free_per_form_region_and_year_and_the_next_approval_continues_them()
    {
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT split_part(registration_number, '-', 1) f, split_part(registration_number, '-', 2) r, split_part(registration_number, '-', 3)::int y,
                       count(*) n, max(split_part(registration_number, '-', 4)::int) top
                FROM registry.organizations GROUP BY 1, 2, 3) g
            LEFT JOIN registry.registration_sequences s ON s.legal_form = g.f AND s.region_code = g.r AND s.year = g.y
            WHERE g.n <> g.top OR s.last_value IS DISTINCT FROM g.top
            """));
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM registry.organizations
            WHERE registration_number !~ '^(COOP|UNION|ASSO|MUTU)-[0-9]{2}-[0-9]{4}-[0-9]{6}$'
               OR split_part(registration_number, '-', 1) <> legal_form OR split_part(registration_number, '-', 2) <> region_code
               OR split_part(registration_number, '-', 3)::int <> extract(year FROM registered_at AT TIME ZONE 'Africa/Casablanca')
            """));

        var year = Casablanca.Today(TimeProvider.System).Year;
        var before = await api.ScalarAsync<int?>("SELECT last_value FROM registry.registration_sequences WHERE legal_form = 'COOP' AND region_code = '06' AND year = $1", year) ?? 0;
        var applicant = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var number = await official.ApproveAsync(await applicant.SubmittedAsync(Samples.Cooperative()));
        Assert.Equal($"COOP-06-{year}-{before + 1:D6}", number);
    }

    [Fact]
    public async Task Public_endpoints_show_no_personal_data_of_the_generated_members()
    {
        var number = await api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE legal_form = 'COOP' AND status = 'Active' ORDER BY registration_number LIMIT 1");
        var organizationId = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE registration_number = $1", number!);
        var cin = await api.ScalarAsync<string>("SELECT cin FROM registry.organization_members WHERE organization_id = $1 AND cin IS NOT NULL LIMIT 1", organizationId);
        var birth = await api.ScalarAsync<DateOnly>("SELECT birth_date FROM registry.organization_members WHERE organization_id = $1 AND cin = $2", organizationId, cin!);
        var region = number!.Split('-')[1];
        using var anonymous = api.CreateClient();
        foreach (var path in new[] { $"/api/v1/organizations/{number}", $"/api/v1/organizations?region={region}&legalForm=COOP&limit=20" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(cin!, body, StringComparison.Ordinal);
            Assert.DoesNotContain(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"cin\"", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_sweep_benchmark_runs_on_the_generated_data_and_its_second_run_changes_nothing()
    {
        using var output = new StringWriter();
        var result = await new SweepBenchmarkCommand(api.ConnectionString, output).RunAsync(Casablanca.Today(TimeProvider.System), CancellationToken.None);

        Assert.True(result.Organizations >= GeneratedRegistryFactory.Organizations);
        Assert.NotEmpty(result.First.Rules);
        Assert.Equal(0L, result.Second.FindingsChanged);
        Assert.Equal(0L, result.Second.MessagesQueued);
        Assert.Equal(0L, result.Second.RowsWritten);
        Assert.True(result.PeakWorkingSetBytes > 0);
        Assert.Contains("second run changed 0 rows", output.ToString(), StringComparison.Ordinal);
    }
}
