using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Workflow;

public sealed class RegistrationWorkflowTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task An_application_goes_from_draft_through_changes_to_a_registered_organisation()
    {
        using var applicant = await api.NewApplicantAsync();
        using var casablanca = await api.NewStaffAsync("RegionalOfficial", "06");
        using var souss = await api.NewStaffAsync("RegionalOfficial", "09");

        // Draft, read back with its ETag, edit with If-Match.
        var id = await applicant.DraftAsync();
        var etag = await applicant.ETagAsync(id);
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(Samples.Cooperative(nameLatin: "Coopérative Atlas")) };
        edit.Headers.TryAddWithoutValidation("If-Match", etag);
        var edited = await applicant.SendAsync(edit);
        await WorkflowSteps.Expect(edited, HttpStatusCode.OK);
        Assert.Equal("Coopérative Atlas", (string)(await edited.ReadJsonAsync())["nameLatin"]!);
        Assert.NotEqual(etag, edited.Headers.ETag!.Tag);

        // A draft is not in anyone's queue; once submitted it is in region 06's and not in 09's.
        Assert.DoesNotContain(id, await QueueIdsAsync(casablanca));
        await applicant.SubmitAsync(id);
        Assert.Contains(id, await QueueIdsAsync(casablanca));
        Assert.DoesNotContain(id, await QueueIdsAsync(souss));

        // The official of another region can neither see nor decide it.
        Assert.Equal(HttpStatusCode.NotFound, (await souss.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await souss.PostAsync($"/api/v1/applications/{id}/approve", null)).StatusCode);

        // Changes requested, with comments; the applicant edits and resubmits.
        var changes = await casablanca.PostAsJsonAsync($"/api/v1/applications/{id}/request-changes", new { comments = "Joindre les statuts signés." });
        await WorkflowSteps.Expect(changes, HttpStatusCode.OK);
        var sentBack = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("ChangesRequested", (string)sentBack["status"]!);
        Assert.Equal("Joindre les statuts signés.", (string)sentBack["decisionNote"]!);
        using var fix = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(Samples.Cooperative(nameLatin: "Coopérative Atlas")) };
        fix.Headers.TryAddWithoutValidation("If-Match", await applicant.ETagAsync(id));
        await WorkflowSteps.Expect(await applicant.SendAsync(fix), HttpStatusCode.OK);
        await applicant.SubmitAsync(id);

        // Approval registers the organisation with the first number of COOP in region 06 this year.
        var number = await casablanca.ApproveAsync(id);
        Assert.Matches(@"^COOP-06-20\d{2}-000001$", number);
        var application = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("Approved", (string)application["status"]!);

        // Anyone reads the public profile; no personal data is in it.
        using var anonymous = api.CreateClient();
        var profileResponse = await anonymous.GetAsync($"/api/v1/organizations/{number}");
        await WorkflowSteps.Expect(profileResponse, HttpStatusCode.OK);
        var profileText = await profileResponse.Content.ReadAsStringAsync();
        var profile = JsonNode.Parse(profileText)!;
        Assert.Equal("Coopérative Atlas", (string)profile["nameLatin"]!);
        Assert.Equal(5, (int)profile["memberCount"]!);
        Assert.Equal(2, (int)profile["womenMemberCount"]!);
        foreach (var personal in new[] { "AB123456", "C98765", "1985-04-02", "Derb Sultan", "Fatima", "cin", "birthDate" })
        {
            Assert.DoesNotContain(personal, profileText, StringComparison.OrdinalIgnoreCase);
        }

        var search = await (await anonymous.GetAsync("/api/v1/organizations?region=06&legalForm=COOP&name=atlas")).ReadJsonAsync();
        Assert.Contains(search["items"]!.AsArray(), o => (string)o!["registrationNumber"]! == number);
        var elsewhere = await (await anonymous.GetAsync("/api/v1/organizations?region=09&name=atlas")).ReadJsonAsync();
        Assert.Empty(elsewhere["items"]!.AsArray());

        // Both histories tell the story, actor by actor; the refused attempts of the other region are on record.
        var history = (await (await applicant.GetAsync($"/api/v1/applications/{id}/history")).ReadJsonAsync()).AsArray();
        var succeeded = history.Where(e => (string)e!["outcome"]! == "Succeeded").Select(e => (string)e!["action"]!)
            .Where(a => a != "application.document-attached").ToList();
        Assert.Equal(3, history.Count(e => (string)e!["action"]! == "application.document-attached"));
        Assert.Equal(
            ["application.drafted", "application.edited", "application.submitted", "application.changes-requested",
             "application.edited", "application.resubmitted"],
            succeeded.Take(6));

        // Approval and registration are one transaction: their two entries come last, in either order.
        Assert.Equal(["application.approved", "organization.registered"], succeeded.Skip(6).Order());
        Assert.Equal("Joindre les statuts signés.", (string)history.Single(e => (string)e!["action"]! == "application.changes-requested")!["reason"]!);
        Assert.Equal("RegionalOfficial", (string)history.Single(e => (string)e!["action"]! == "application.approved")!["actorRole"]!);
        Assert.DoesNotContain(history, e => (string)e!["outcome"]! == "Refused"); // the owner sees what happened, not others' attempts
        var officialsHistory = (await (await casablanca.GetAsync($"/api/v1/applications/{id}/history")).ReadJsonAsync()).AsArray();
        Assert.Contains(officialsHistory, e => (string)e!["outcome"]! == "Refused" && (string)e!["action"]! == "application.approve");

        var organizationHistory = (await (await casablanca.GetAsync($"/api/v1/organizations/{number}/history")).ReadJsonAsync()).AsArray();
        Assert.Contains(organizationHistory, e => (string)e!["action"]! == "organization.registered");
        Assert.Contains(organizationHistory, e => (string)e!["action"]! == "application.drafted");
        Assert.Equal(HttpStatusCode.NotFound, (await souss.GetAsync($"/api/v1/organizations/{number}/history")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_application_is_final_and_keeps_its_reason()
    {
        using var applicant = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await applicant.SubmittedAsync();

        var noReason = await official.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadJsonAsync())["errors"]!["reason"]);

        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = "Activité hors du champ coopératif." }), HttpStatusCode.OK);
        var application = await (await applicant.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal("Rejected", (string)application["status"]!);
        Assert.Equal("Activité hors du champ coopératif.", (string)application["decisionNote"]!);

        var again = await official.PostAsync($"/api/v1/applications/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.ReadJsonAsync();
        Assert.Equal("APPLICATION_STATE", (string)problem["code"]!);
        Assert.Equal("APPLICATION_STATE", (string)problem["rules"]![0]!["code"]!);
        Assert.Contains("« rejetée »", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task The_review_queue_pages_by_cursor_without_repeating_or_skipping()
    {
        using var applicant = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "04");
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await applicant.SubmittedAsync(Samples.Cooperative(province: "421", form: i % 2 == 0 ? "COOP" : "ASSO", sector: "AGRI")));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await official.GetAsync($"/api/v1/review/applications?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
        var coops = await (await official.GetAsync("/api/v1/review/applications?legalForm=COOP")).ReadJsonAsync();
        Assert.Equal(4, coops["items"]!.AsArray().Count);
        var bad = await official.GetAsync("/api/v1/review/applications?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task<List<string>> QueueIdsAsync(HttpClient official)
    {
        var page = await (await official.GetAsync("/api/v1/review/applications?limit=200")).ReadJsonAsync();
        return [.. page["items"]!.AsArray().Select(i => (string)i!["id"]!)];
    }
}
