using System.Net;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Workflow;

/// <summary>Decisions give a reason that says something.</summary>
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
}
