using System.Net;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Workflow;

/// <summary>
/// The official's queues narrowed by region, legal form, status, submission day and rule: in SQL, and never wider
/// than the official's own regions (Drâa-Tafilalet 08 and Guelmim-Oued Noun 10 here; Casablanca-Settat 06 is not theirs).
/// </summary>
public sealed class ReviewFilterTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private const string Errachidia = "201";
    private const string Guelmim = "261";

    [Fact]
    public async Task The_review_queue_narrows_by_region_form_and_submission_day_within_the_officials_regions()
    {
        var owner = await api.NewApplicantAsync();
        var coop08 = await owner.SubmittedAsync(Samples.Cooperative(province: Errachidia));
        var asso08 = await owner.SubmittedAsync(Samples.Association(province: Errachidia));
        var coop10 = await owner.SubmittedAsync(Samples.Cooperative(province: Guelmim));
        var casablanca = await owner.SubmittedAsync(Samples.Cooperative(province: "141"));
        // 23:30 UTC on 9 January is 00:30 on the 10th in Morocco: a submission of the 10th.
        await api.ScalarAsync<int>("UPDATE registry.applications SET submitted_at = '2026-01-09T23:30:00Z' WHERE id = $1", Guid.Parse(coop10));
        var official = await api.NewStaffAsync("RegionalOfficial", "08", "10");

        Assert.Equal([coop10, coop08, asso08], await QueueAsync(official, ""));
        Assert.Equal([coop08, asso08], await QueueAsync(official, "?region=08"));
        Assert.Equal([coop10], await QueueAsync(official, "?region=10"));
        Assert.Equal([asso08], await QueueAsync(official, "?region=08&legalForm=ASSO"));
        Assert.Equal([coop10, coop08, asso08], await QueueAsync(official, "?submittedSince=2026-01-10"));
        Assert.Equal([coop08, asso08], await QueueAsync(official, "?submittedSince=2026-01-11"));
        Assert.Empty(await QueueAsync(official, "?status=Approved&region=08"));

        // Another official's region narrows to nothing: it never adds that region's applications.
        Assert.Empty(await QueueAsync(official, "?region=06"));
        Assert.Contains(casablanca, await QueueAsync(await api.NewStaffAsync("RegionalOfficial", "06"), "?region=06"));
    }

    [Theory]
    [InlineData("?region=8")]
    [InlineData("?region=08';--")]
    [InlineData("?submittedSince=10/01/2026x")]
    [InlineData("?submittedSince=0001-01-01")]
    [InlineData("?status=Draft")]
    public async Task A_malformed_queue_filter_is_a_400_problem(string query)
    {
        var official = await api.NewStaffAsync("RegionalOfficial", "08");
        var response = await official.GetAsync("/api/v1/review/applications" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Escalated_findings_narrow_by_region_and_rule_within_the_officials_regions()
    {
        var owner = await api.NewApplicantAsync();
        var official = await api.NewStaffAsync("RegionalOfficial", "08", "10");
        var in08 = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Errachidia)));
        var in10 = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Guelmim)));
        var in06 = await (await api.NewStaffAsync("RegionalOfficial", "06")).ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "141")));
        await EscalatedAsync(in08, "GA_OVERDUE");
        await EscalatedAsync(in10, "ACCOUNTS_OVERDUE");
        await EscalatedAsync(in06, "ACCOUNTS_OVERDUE");

        Assert.Equal([in08, in10], await FindingsAsync(official, ""));
        Assert.Equal([in08], await FindingsAsync(official, "&region=08"));
        Assert.Equal([in10], await FindingsAsync(official, "&rule=ACCOUNTS_OVERDUE"));
        Assert.Empty(await FindingsAsync(official, "&region=08&rule=ACCOUNTS_OVERDUE"));
        Assert.Empty(await FindingsAsync(official, "&region=06"));
        Assert.Empty(await FindingsAsync(official, "&region=06&rule=ACCOUNTS_OVERDUE"));

        Assert.Equal(HttpStatusCode.BadRequest, (await official.GetAsync("/api/v1/compliance/findings?region=8")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await official.GetAsync("/api/v1/compliance/findings?rule=NOT_A_RULE")).StatusCode);
    }

    private static async Task<List<string>> QueueAsync(HttpClient official, string query)
    {
        var response = await official.GetAsync("/api/v1/review/applications" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["id"]!)];
    }

    private static async Task<List<string>> FindingsAsync(HttpClient official, string query)
    {
        var response = await official.GetAsync("/api/v1/compliance/findings?stage=Escalated" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["registrationNumber"]!)];
    }

    private Task EscalatedAsync(string number, string rule) => api.ScalarAsync<int>(
        """
        INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at, proposed_action)
        SELECT id, id, $2, 'Escalated', DATE '2026-06-30', now(), now(), 'Suspension' FROM registry.organizations WHERE registration_number = $1
        """,
        number, rule);
}
