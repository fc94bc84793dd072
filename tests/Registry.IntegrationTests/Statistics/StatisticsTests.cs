using System.Net;
using System.Net.Http.Headers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Statistics;

/// <summary>The API with a few organisations in two regions and two forms, registered once for the class.</summary>
public sealed class StatisticsApiFactory : RegistryApiFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var owner = await Actors.ClientAsync(Actor.Owner);
        var casablanca = await Actors.ClientAsync(Actor.OfficialOfRegion);
        var souss = await NewStaffAsync("RegionalOfficial", "09");
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative()));
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative()));
        await casablanca.ApproveAsync(await owner.SubmittedAsync(Samples.Association()));
        await souss.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "001")));
        await owner.SubmittedAsync(Samples.Cooperative(province: "001")); // submitted, not registered: never counted
    }
}

public sealed class StatisticsTests(StatisticsApiFactory api) : IClassFixture<StatisticsApiFactory>
{
    [Fact]
    public async Task Counts_members_and_women_by_region_and_form()
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var rows = (await (await analyst.GetAsync("/api/v1/statistics/organizations?groupBy=region,legalForm")).ReadJsonAsync()).AsArray();

        var coop06 = rows.Single(r => (string)r!["group"]!["region"]! == "06" && (string)r["group"]!["legalForm"]! == "COOP")!;
        Assert.Equal(2, (long)coop06["organizations"]!);
        Assert.Equal(10, (long)coop06["members"]!);
        Assert.Equal(4, (long)coop06["womenMembers"]!);
        Assert.Equal(0.4, (double)coop06["womenShare"]!);
        var asso06 = rows.Single(r => (string)r!["group"]!["region"]! == "06" && (string)r["group"]!["legalForm"]! == "ASSO")!;
        Assert.Equal(1, (long)asso06["organizations"]!);
        Assert.Equal(1, (long)rows.Single(r => (string)r!["group"]!["region"]! == "09")!["organizations"]!);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Filters_combine_and_the_compliance_rate_is_the_share_without_overdue_findings()
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var all = (await (await analyst.GetAsync("/api/v1/statistics/organizations?region=06&legalForm=COOP")).ReadJsonAsync()).AsArray();
        var total = Assert.Single(all)!;
        Assert.Equal(2, (long)total["organizations"]!);
        Assert.Equal(1.0, (double)total["complianceRate"]!);

        var id = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE region_code = '06' AND legal_form = 'COOP' ORDER BY registration_number LIMIT 1");
        await using (var connection = await api.OpenConnectionAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at)
                VALUES ($1, $1, 'GA_OVERDUE', 'Overdue', '2026-06-30', now(), now())
                """, connection) { Parameters = { new() { Value = id } } };
            await insert.ExecuteNonQueryAsync();
        }

        var after = Assert.Single((await (await analyst.GetAsync("/api/v1/statistics/organizations?region=06&legalForm=COOP")).ReadJsonAsync()).AsArray())!;
        Assert.Equal(0.5, (double)after["complianceRate"]!);
        await using (var connection = await api.OpenConnectionAsync())
        {
            await using var delete = new Npgsql.NpgsqlCommand("DELETE FROM registry.findings WHERE subject_id = $1", connection) { Parameters = { new() { Value = id } } };
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Registrations_per_month_and_every_table_as_CSV_without_personal_data()
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var year = DateTime.UtcNow.Year;
        var months = (await (await analyst.GetAsync($"/api/v1/statistics/registrations?from={year}-01-01&to={year}-12-31")).ReadJsonAsync()).AsArray();
        Assert.Equal(4, months.Sum(m => (long)m!["registrations"]!));

        var csv = await analyst.GetAsync("/api/v1/statistics/organizations.csv?groupBy=legalForm");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("legalForm,organizations,members,womenMembers,womenShare,complianceRate", lines[0]);
        Assert.Contains("COOP,3,15,6,0.4,1", lines);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/statistics/registrations?from={year}-01-01&to={year}-12-31&groupBy=region");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var negotiated = await (await analyst.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.StartsWith("month,region,registrations\r\n", negotiated, StringComparison.Ordinal);
        Assert.DoesNotContain("AB123456", negotiated + string.Join("", lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/statistics/organizations?groupBy=region,province,legalForm")]
    [InlineData("/api/v1/statistics/organizations?groupBy=cin")]
    [InlineData("/api/v1/statistics/organizations?groupBy=region,region")]
    [InlineData("/api/v1/statistics/organizations?legalForm=LLC")]
    [InlineData("/api/v1/statistics/organizations?region=6")]
    [InlineData("/api/v1/statistics/registrations?from=2026-12-01&to=2026-01-01")]
    [InlineData("/api/v1/statistics/registrations?from=yesterday&to=2026-01-01")]
    public async Task Bad_statistics_requests_are_400(string path)
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var response = await analyst.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/statistics/registrations", null, "from", "'from' doit être entre")]
    [InlineData("/api/v1/statistics/registrations.csv", null, "from", "'from' doit être entre")]
    [InlineData("/api/v1/statistics/registrations", "ar", "from", "'from'")]
    [InlineData("/api/v1/statistics/registrations.csv", "ar", "from", "'from'")]
    public async Task A_period_starting_near_the_end_of_the_calendar_is_400_on_from(string route, string? language, string field, string message)
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        foreach (var query in new[] { "?from=9999-12-31&to=9999-12-31", "?from=9950-01-01&to=9999-12-31", "?from=9949-12-31&to=9951-01-01" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route + query);
            if (language is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
            }

            var problem = await Contract.ErrorContractTests.AssertProblem(await analyst.SendAsync(request), HttpStatusCode.BadRequest);
            var error = (string)problem["errors"]![field]![0]!;
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.Equal(language == "ar", error.Any(c => c is >= '\u0600' and <= '\u06FF'));
        }
    }

    [Theory]
    [InlineData("region=99", "region", "Région inconnue : un code de 01 à 12.", "جهة غير معروفة: رمز من 01 إلى 12.")]
    [InlineData("province=999", "province", "Province ou préfecture inconnue.", "عمالة أو إقليم غير معروف.")]
    [InlineData("sector=XYZ", "sector", "Secteur d'activité inconnu.", "قطاع نشاط غير معروف.")]
    public async Task An_unknown_region_province_or_sector_is_400_on_its_field(string filter, string field, string french, string arabic)
    {
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        foreach (var path in new[] { $"/api/v1/statistics/organizations?{filter}", $"/api/v1/statistics/registrations.csv?from=2026-01-01&to=2026-12-31&{filter}" })
        {
            foreach (var (language, message) in new[] { ("fr", french), ("ar", arabic) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
                var problem = await Contract.ErrorContractTests.AssertProblem(await analyst.SendAsync(request), HttpStatusCode.BadRequest);
                Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(m => (string)m!));
            }
        }

        // Known codes still filter: Souss-Massa (09), Agadir Ida-Ou-Tanane (001), and a sector of the samples.
        foreach (var known in new[] { "region=09", "province=001", "sector=AGRI" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/statistics/organizations?{known}")).StatusCode);
        }
    }

    [Theory]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Actor.Owner, HttpStatusCode.Forbidden)]
    [InlineData(Actor.OfficialOfRegion, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Analyst, HttpStatusCode.OK)]
    [InlineData(Actor.Administrator, HttpStatusCode.OK)]
    public async Task Statistics_are_for_analysts_and_administrators(Actor actor, HttpStatusCode expected)
    {
        var client = await api.Actors.ClientAsync(actor);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/statistics/organizations")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/statistics/organizations.csv")).StatusCode);
    }
}
