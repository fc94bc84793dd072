using System.Net;
using System.Net.Http.Json;
using System.Text;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Workflow;

/// <summary>
/// Decisions give a reason that says something (an approval may go without one), and a history shows each reader what
/// is theirs to see: officials of the region every entry, the owner what happened to their application or organisation.
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

    [Fact]
    public async Task An_approval_s_reason_is_kept_trimmed_and_shown_in_both_histories_to_the_official_and_the_owner()
    {
        using var owner = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await owner.SubmittedAsync();
        const string reason = "Pièces vérifiées sur les originaux. تم التحقق من الوثائق بمقارنتها بالأصول.";

        var approved = await official.PostAsJsonAsync($"/api/v1/applications/{id}/approve", new { reason = "  " + reason + "\n" });

        await WorkflowSteps.Expect(approved, HttpStatusCode.OK);
        var number = (string)(await approved.ReadJsonAsync())["registrationNumber"]!;
        Assert.Equal(reason, (string?)(await (await owner.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["decisionNote"]);
        foreach (var reader in new[] { official, owner })
        {
            foreach (var path in new[] { $"/api/v1/applications/{id}/history", $"/api/v1/organizations/{number}/history" })
            {
                var history = (await (await reader.GetAsync(path)).ReadJsonAsync()).AsArray();
                var approval = Assert.Single(history, e => (string)e!["action"]! == "application.approved")!;
                Assert.Equal(reason, (string?)approval["reason"]);
                Assert.Equal(number, (string?)approval["changes"]!["registrationNumber"]);
            }
        }
    }

    [Theory]
    [InlineData(null, null)] // no content at all, as the existing clients and the approvals benchmark send
    [InlineData("", null)] // an empty body without a content type
    [InlineData("", "application/json")]
    [InlineData("{}", "application/json")]
    [InlineData("{\"reason\":null}", "application/json")]
    [InlineData("null", "application/json")]
    public async Task An_approval_without_a_reason_still_approves(string? body, string? contentType)
    {
        using var owner = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await owner.SubmittedAsync();
        var content = body is null ? null : new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content!.Headers.ContentType = new(contentType);
        }

        var approved = await official.PostAsync($"/api/v1/applications/{id}/approve", content);

        await WorkflowSteps.Expect(approved, HttpStatusCode.OK);
        var application = await (await owner.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync();
        Assert.Equal<(string?, string?)>(("Approved", null), ((string?)application["status"], (string?)application["decisionNote"]));
        var history = (await (await owner.GetAsync($"/api/v1/applications/{id}/history")).ReadJsonAsync()).AsArray();
        Assert.Null(Assert.Single(history, e => (string)e!["action"]! == "application.approved")!["reason"]);
    }

    [Theory]
    [InlineData("\u200b\u200b", "fr")]
    [InlineData(" \ufeff\u2060 \n", "ar")]
    [InlineData("", "fr")]
    [InlineData("   ", "ar")]
    [InlineData(null, "fr")] // longer than 2,000 characters
    public async Task An_approval_s_reason_that_says_nothing_or_is_too_long_is_400_on_reason_and_the_application_stays_submitted(string? text, string language)
    {
        using var owner = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await owner.SubmittedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/approve")
        {
            Content = JsonContent.Create(new { reason = text ?? new string('x', 2001) }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        var problem = await Contract.ErrorContractTests.AssertProblem(await official.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(["reason"], problem["errors"]!.AsObject().Select(e => e.Key));
        if (text is not null)
        {
            Assert.Contains(language == "ar" ? "تعليل الموافقة اختياري، لكنه إذا قُدِّم لا يمكن أن يكون فارغاً."
                : "Le motif d'une approbation est facultatif, mais s'il est donné il ne peut pas être vide.", problem["errors"]!["reason"]!.AsArray().Select(m => (string)m!));
        }

        Assert.Equal("Submitted", (string)(await (await owner.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["status"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE application_id = $1", Guid.Parse(id)));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE application_id = $1 AND action = 'application.approved'", Guid.Parse(id)));

        // A visible character among the invisible ones is a reason; 2,000 characters are allowed.
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/applications/{id}/approve",
            new { reason = text is null ? new string('x', 2000) : text + "Dossier complet." }), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{", null)]
    [InlineData("[1,2,3]", null)]
    [InlineData("{\"reason\":5}", "reason")]
    [InlineData("{\"reason\":[\"a\"]}", "reason")]
    public async Task A_malformed_approval_body_is_a_400_problem_that_approves_nothing(string body, string? field)
    {
        using var owner = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var id = await owner.SubmittedAsync();

        var response = await official.PostAsync($"/api/v1/applications/{id}/approve", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Contract.ErrorContractTests.AssertProblem(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        }

        Assert.Equal("Submitted", (string)(await (await owner.GetAsync($"/api/v1/applications/{id}")).ReadJsonAsync())["status"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_replays_an_approval_with_the_same_reason_and_is_409_with_another_or_none()
    {
        using var owner = await api.NewApplicantAsync();
        using var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var withReason = await owner.SubmittedAsync();
        var withoutReason = await owner.SubmittedAsync();
        var key = Guid.NewGuid().ToString();
        var otherKey = Guid.NewGuid().ToString();

        var first = await ApproveWithKeyAsync(official, withReason, key, new { reason = "Pièces vérifiées sur les originaux." });
        var replay = await ApproveWithKeyAsync(official, withReason, key, new { reason = "Pièces vérifiées sur les originaux." });
        await WorkflowSteps.Expect(first, HttpStatusCode.OK);
        await WorkflowSteps.Expect(replay, HttpStatusCode.OK);
        Assert.Equal((string)(await first.ReadJsonAsync())["registrationNumber"]!, (string)(await replay.ReadJsonAsync())["registrationNumber"]!);
        var conflict = await Contract.ErrorContractTests.AssertProblem(
            await ApproveWithKeyAsync(official, withReason, key, new { reason = "Un autre motif." }), HttpStatusCode.Conflict);
        Assert.Equal("Cet Idempotency-Key a déjà servi pour une autre requête.", (string)conflict["detail"]!);
        await Contract.ErrorContractTests.AssertProblem(await ApproveWithKeyAsync(official, withReason, key, null), HttpStatusCode.Conflict);

        // Without a reason, no body and {} are the same request; a reason under that key is another.
        await WorkflowSteps.Expect(await ApproveWithKeyAsync(official, withoutReason, otherKey, null), HttpStatusCode.OK);
        await WorkflowSteps.Expect(await ApproveWithKeyAsync(official, withoutReason, otherKey, new { }), HttpStatusCode.OK);
        await Contract.ErrorContractTests.AssertProblem(
            await ApproveWithKeyAsync(official, withoutReason, otherKey, new { reason = "Ajouté après coup." }), HttpStatusCode.Conflict);

        var history = (await (await official.GetAsync($"/api/v1/applications/{withReason}/history")).ReadJsonAsync()).AsArray();
        Assert.Equal("Pièces vérifiées sur les originaux.", (string?)Assert.Single(history, e => (string)e!["action"]! == "application.approved")!["reason"]);
        Assert.Equal("Pièces vérifiées sur les originaux.",
            (string?)(await (await owner.GetAsync($"/api/v1/applications/{withReason}")).ReadJsonAsync())["decisionNote"]);
        Assert.Null((string?)(await (await owner.GetAsync($"/api/v1/applications/{withoutReason}")).ReadJsonAsync())["decisionNote"]);
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

    private static Task<HttpResponseMessage> ApproveWithKeyAsync(HttpClient official, string id, string key, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/approve") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return official.SendAsync(request);
    }
}
