using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Workflow;

/// <summary>
/// Decisions give a reason that says something, and a history shows each reader what is theirs to see: officials of the
/// region every entry, the owner what happened to their application or organisation.
/// </summary>
public sealed class DecisionReasonAndHistoryTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Theory]
    [InlineData("reject", "reason", "\u200b\u200b")]
    [InlineData("reject", "reason", " \ufeff\u2060 \n")]
    [InlineData("request-changes", "comments", "\u200b\u200c\u200d\ufeff")]
    [InlineData("request-changes", "comments", "\u00a0\u3000\U000E0020")]
    public async Task A_reason_of_invisible_characters_only_is_400_like_an_empty_one(string decision, string field, string text)
    {
        using var applicant = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await applicant.SubmittedAsync();

        var refused = await official.PostAsJsonAsync($"/api/v1/applications/{id}/{decision}", new Dictionary<string, string> { [field] = text });
        var empty = await official.PostAsJsonAsync($"/api/v1/applications/{id}/{decision}", new Dictionary<string, string> { [field] = "" });

        var problem = await Contract.ErrorContractTests.AssertProblem(refused, HttpStatusCode.BadRequest);
        var emptyProblem = await Contract.ErrorContractTests.AssertProblem(empty, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains((string)problem["errors"]![field]![0]!, emptyProblem["errors"]![field]!.AsArray().Select(m => (string)m!));
        Assert.Equal("Submitted", (string)(await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["status"]!);

        // A visible character among the invisible ones is a reason.
        await WorkflowSteps.Expect(
            await official.PostAsJsonAsync($"/api/v1/applications/{id}/{decision}", new Dictionary<string, string> { [field] = text + "Statuts absents." }), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("reinstate")]
    [InlineData("strike-off")]
    [InlineData("dissolve")]
    public async Task A_status_decision_whose_reason_is_invisible_characters_only_is_400(string decision)
    {
        using var applicant = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var number = await official.ApproveAsync(await applicant.SubmittedAsync());

        foreach (var language in new[] { "fr", "ar" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/organizations/{number}/{decision}") { Content = JsonContent.Create(new { reason = "\u200b\u200c\u200d\ufeff" }) };
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var problem = await Contract.ErrorContractTests.AssertProblem(await official.SendAsync(request), HttpStatusCode.BadRequest);
            Assert.Equal(language == "ar" ? "يجب تعليل القرار." : "Une décision doit être motivée.", (string)problem["errors"]!["reason"]![0]!);
        }

        Assert.Equal("Active", (string)(await (await applicant.GetAsync($"/api/v1/organizations/{number}")).ReadJsonAsync())["status"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries a JOIN registry.organizations o ON o.id = a.organization_id WHERE o.registration_number = $1 AND a.action = 'organization.status-changed'",
            number));
    }

    [Fact]
    public async Task The_owner_sees_the_record_s_own_history_and_officials_of_the_region_the_refused_attempts_too()
    {
        using var owner = await api.NewApplicantAsync();
        using var other = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await owner.SubmittedAsync();
        var number = await official.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/organizations/{number}/history")).StatusCode);

        foreach (var path in new[] { $"/api/v1/applications/{id}/history", $"/api/v1/organizations/{number}/history" })
        {
            var mine = (await (await owner.GetAsync(path)).ReadJsonAsync()).AsArray();
            Assert.NotEmpty(mine);
            Assert.All(mine, e => Assert.Equal("Succeeded", (string)e!["outcome"]!));
            Assert.Contains(mine, e => (string)e!["action"]! == "application.approved");

            var theirs = (await (await official.GetAsync(path)).ReadJsonAsync()).AsArray();
            Assert.Contains(theirs, e => (string)e!["outcome"]! == "Refused" && (string)e!["actorRole"]! == "Applicant");
            Assert.Equal(mine.Count, theirs.Count(e => (string)e!["outcome"]! == "Succeeded"));
        }

        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM registry.audit_entries WHERE application_id = $1 AND outcome = 'Refused'", Guid.Parse(id)) >= 2);
    }
}
