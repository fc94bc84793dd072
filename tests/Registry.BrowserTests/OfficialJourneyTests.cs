using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Domain.Applications;
using Registry.Domain.Organizations;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The regional official's pages: the review queue of their regions, an application's file with its documents,
/// decisions with a reason, the escalated findings and the organisation's status; nobody else's, and no forged post.
/// The applications are in Laâyoune-Sakia El Hamra (region 11, province 321; the analyst's tests count regions 01 and 09), the journey's in Oriental and Fès-Meknès
/// (regions 02 and 03), where no other test files any; the queue shows one application a page here (BrowserApp).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialJourneyTests(BrowserApp app)
{
    private const string Region = "11";
    private const string Province = "321";
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_official_opens_a_file_from_the_queue_downloads_a_document_requests_changes_and_approves_another(string language)
    {
        BrowserApp.Speak(language);
        var owner = await app.Api.NewApplicantAsync();
        var sentBackName = Samples.UniqueLatin("Coopérative Tanger Nord");
        var approvedName = Samples.UniqueLatin("Coopérative Tanger Sud");
        // Each language in a region of its own (Oriental, Fès-Meknès): the queue holds this test's two applications.
        var (region, province, regionName) = language == "ar" ? ("02", "411", "الشرق") : ("03", "231", "Fès-Meknès");
        var sentBack = await owner.SubmittedAsync(Samples.Cooperative(province: province, nameLatin: sentBackName));
        var approved = await owner.SubmittedAsync(Samples.Cooperative(province: province, nameLatin: approvedName));
        var (_, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", region);

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = ReviewText.Review }).ClickAsync();
        await page.WaitForURLAsync("**/review");

        // One application a page in these tests, the oldest first; the next page by its keyset link.
        for (var pages = 0; pages < 10 && !await page.Locator(".review-queue").GetByText(sentBackName).IsVisibleAsync(); pages++)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage }).ClickAsync();
        }

        var row = page.Locator(".review-queue tbody tr").Filter(new() { HasText = sentBackName });
        await Assertions.Expect(row).ToContainTextAsync(UiText.Form(Domain.Reference.LegalForm.COOP));
        await Assertions.Expect(row).ToContainTextAsync(regionName);
        await PageChecks.CheckAsync(page, $"review-queue-{language}");
        var queuePage = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage }).ClickAsync();
        await Assertions.Expect(page.Locator(".review-queue tbody tr")).ToContainTextAsync(approvedName);
        Assert.Contains("after=", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(queuePage);
        row = page.Locator(".review-queue tbody tr").Filter(new() { HasText = sentBackName });

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/review/applications/{sentBack}");
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.Submitted));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Khadija Amrani");
        await PageChecks.CheckAsync(page, $"review-application-{language}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".document-list a").First.ClickAsync());
        var downloaded = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Samples.Pdf, downloaded);

        // The comments are mandatory: an empty one is summarised in the page's language and marked on its field.
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Send }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#comment']")).ToHaveTextAsync(ReviewText.ReasonRequired);
        await Assertions.Expect(page.GetByLabel(ReviewText.Comment)).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, $"review-decision-errors-{language}");

        const string comments = "Joignez le procès-verbal signé. أرفقوا المحضر الموقع.";
        await page.GetByLabel(ReviewText.RequestChanges).CheckAsync();
        await page.GetByLabel(ReviewText.Comment).FillAsync(comments);
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Send }).ClickAsync();
        await Assertions.Expect(page.Locator(".decided-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.ChangesRequested));
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.ChangesRequested));
        await Assertions.Expect(page.Locator(".after-decision")).ToHaveTextAsync(ReviewText.AfterDecision(ApplicationStatus.ChangesRequested));
        var ownersView = await (await owner.GetAsync($"/api/v1/applications/{sentBack}")).ReadJsonAsync();
        Assert.Equal(("ChangesRequested", comments), ((string?)ownersView["status"], (string?)ownersView["decisionNote"]));

        // The approval's reason is optional; one made of invisible characters only is refused on its field.
        await page.GotoAsync($"/review/applications/{approved}");
        await page.GetByLabel(ReviewText.ApprovalReason).FillAsync("\u200b\u200b");
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Approve }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#approval-reason']")).ToHaveTextAsync(ReviewText.ReasonInvalid);
        await Assertions.Expect(page.GetByLabel(ReviewText.ApprovalReason)).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.Submitted));
        await PageChecks.CheckAsync(page, $"review-approval-reason-error-{language}");

        const string approvalReason = "Pièces vérifiées sur les originaux. تم التحقق من الوثائق بمقارنتها بالأصول.";
        await page.GetByLabel(ReviewText.ApprovalReason).FillAsync(approvalReason);
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Approve }).ClickAsync();
        await Assertions.Expect(page.Locator(".registration-number")).ToHaveTextAsync(new Regex($@"^COOP-{region}-\d{{4}}-\d{{6}}$"));
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.Approved));
        await Assertions.Expect(page.Locator(".history tbody tr").Filter(new() { HasText = ReviewText.HistoryAction("application.approved") })).ToContainTextAsync(approvalReason);
        var approvedView = await (await owner.GetAsync($"/api/v1/applications/{approved}")).ReadJsonAsync();
        Assert.Equal(approvalReason, (string?)approvedView["decisionNote"]);
        var number = await page.Locator(".registration-number").TextContentAsync();
        Assert.Equal(number, await app.Api.ScalarAsync<string>("SELECT registration_number FROM registry.organizations WHERE name_latin = $1", approvedName));
        await PageChecks.CheckAsync(page, $"review-approved-{language}");

        // Decided applications leave the queue.
        await page.GotoAsync(queuePage);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(sentBackName);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(approvedName);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Approving_what_another_official_just_sent_back_lists_the_broken_rule_in_the_pages_language(string language)
    {
        BrowserApp.Speak(language);
        var owner = await app.Api.NewApplicantAsync();
        var id = await owner.SubmittedAsync(Samples.Cooperative(province: Province));
        var (colleague, _) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var (_, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync($"/review/applications/{id}");
        (await colleague.PostAsJsonAsync($"/api/v1/applications/{id}/request-changes", new { comments = "Statuts non signés." })).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Approve }).ClickAsync();

        // The same rule text as the API's 422 in that language.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/approve");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await (await colleague.SendAsync(request)).ReadJsonAsync();
        var expected = (string)problem["rules"]![0]!["message"]!;
        await Assertions.Expect(page.Locator(".error-summary a[href='#decision']")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.ChangesRequested));
        await Assertions.Expect(page.Locator(".not-under-review")).ToHaveTextAsync(ReviewText.NotUnderReview);
        await PageChecks.CheckAsync(page, $"review-approval-refused-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_of_another_region_typing_the_address_gets_the_not_found_page()
    {
        BrowserApp.Speak("ar");
        var owner = await app.Api.NewApplicantAsync();
        var name = Samples.UniqueLatin("Coopérative Larache");
        var id = await owner.SubmittedAsync(Samples.Cooperative(province: Province, nameLatin: name));
        using var documents = await owner.GetAsync($"/api/v1/applications/{id}/documents");
        var documentId = (await documents.ReadJsonAsync()).AsArray()[0]!["id"]!.ToString();
        var (regionOfficial, _) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var number = await regionOfficial.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Province)));
        var (_, casablanca) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "06");

        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, casablanca);
        foreach (var path in new[] { $"/review/applications/{id}", $"/review/applications/{id}/documents/{documentId}", $"/review/organisations/{number}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
        }

        await page.GotoAsync("/review");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_applicant_is_refused_and_an_anonymous_visitor_is_asked_to_log_in()
    {
        BrowserApp.Speak("ar");
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync("ar");

        await page.GotoAsync("/review");
        Assert.Contains("/account/log-in", page.Url, StringComparison.Ordinal);

        await Journeys.LogInAsync(page, email);
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = ReviewText.Review }).CountAsync());
        foreach (var path in new[] { "/review", "/review/findings", $"/review/applications/{Guid.NewGuid()}", $"/review/organisations/{app.SeededNumber}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(ReviewText.ForbiddenTitle);
        }

        await PageChecks.CheckAsync(page, "review-forbidden-ar");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_decision_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        BrowserApp.Speak("ar");
        var owner = await app.Api.NewApplicantAsync();
        var id = await owner.SubmittedAsync(Samples.Cooperative(province: Province));
        var (regionOfficial, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var number = await regionOfficial.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Province)));

        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync($"/review/applications/{id}"); // the browser holds the session and anti-forgery cookies, as a victim's would
        foreach (var path in new[] { $"/review/applications/{id}?handler=Approve", $"/review/applications/{id}?handler=Decide", $"/review/organisations/{number}" })
        {
            var forged = await page.Context.APIRequest.PostAsync(path, new APIRequestContextOptions
            {
                Form = page.Context.APIRequest.CreateFormData().Append("decision", "reject").Append("comment", "forged").Append("reason", "forged"),
                MaxRedirects = 0,
            });
            Assert.Equal(400, forged.Status);
            Assert.Contains(UiText.ErrorTitle, await forged.TextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("Submitted", await app.Api.ScalarAsync<string>("SELECT status FROM registry.applications WHERE id = $1", Guid.Parse(id)));
        Assert.Equal("Active", await app.Api.ScalarAsync<string>("SELECT status FROM registry.organizations WHERE registration_number = $1", number));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_escalated_findings_list_proposes_an_action_and_suspending_with_a_reason_changes_the_status(string language)
    {
        BrowserApp.Speak(language);
        var owner = await app.Api.NewApplicantAsync();
        var (regionOfficial, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var number = await regionOfficial.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Province)));
        await EscalatedFindingAsync(number);

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync("/review");
        await page.GetByRole(AriaRole.Link, new() { Name = ReviewText.EscalatedFindings }).ClickAsync();
        await page.WaitForURLAsync("**/review/findings");
        var row = page.Locator(".findings tbody tr").Filter(new() { HasText = number });
        await Assertions.Expect(row.Locator(".proposed-action")).ToHaveTextAsync(ReviewText.ProposedActionOf(Domain.Compliance.ProposedAction.Suspension));
        await Assertions.Expect(row.Locator(".hint")).ToHaveTextAsync(language == "ar" ? "القانون رقم 112.12، المادة 41" : "Loi 112-12, art. 41");
        await PageChecks.CheckAsync(page, $"review-findings-{language}");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/review/organisations/{number}");
        await Assertions.Expect(page.Locator(".organisation-status")).ToHaveTextAsync(UiText.StatusOf(OrganizationStatus.Active));
        await PageChecks.CheckAsync(page, $"review-organisation-{language}");

        // A decision without a reason is refused, on the reason's field.
        await page.GetByLabel(ReviewText.DecisionOf(Application.Organizations.Commands.DecideOrganizationStatus.StatusDecision.Suspend)).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Send }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#reason']")).ToHaveTextAsync(ReviewText.ReasonRequired);
        await Assertions.Expect(page.Locator(".organisation-status")).ToHaveTextAsync(UiText.StatusOf(OrganizationStatus.Active));

        await page.GetByLabel(ReviewText.DecisionOf(Application.Organizations.Commands.DecideOrganizationStatus.StatusDecision.Suspend)).CheckAsync();
        await page.GetByLabel(ReviewText.StatusReason).FillAsync("Assemblée générale non tenue malgré le rappel. لم يعقد الجمع العام رغم التذكير.");
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.Send }).ClickAsync();
        await Assertions.Expect(page.Locator(".decided-status")).ToHaveTextAsync(UiText.StatusOf(OrganizationStatus.Suspended));
        await Assertions.Expect(page.Locator(".organisation-status")).ToHaveTextAsync(UiText.StatusOf(OrganizationStatus.Suspended));
        Assert.Equal("Suspended", await app.Api.ScalarAsync<string>("SELECT status FROM registry.organizations WHERE registration_number = $1", number));
        await PageChecks.CheckAsync(page, $"review-suspended-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_officials_pages_keep_the_content_security_policy_and_weigh_less_than_300_KB(string language)
    {
        BrowserApp.Speak(language);
        var owner = await app.Api.NewApplicantAsync();
        var id = await owner.SubmittedAsync(Samples.Cooperative(province: Province));
        var (regionOfficial, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var number = await regionOfficial.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: Province)));
        await EscalatedFindingAsync(number);
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        var session = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();

        await LightPages.AssertAsync(app, session, language, "/review", $"/review/applications/{id}", "/review/findings", $"/review/organisations/{number}");
    }

    /// <summary>
    /// The nightly sweep escalates a general assembly overdue for three months; the browser's app runs on today's
    /// clock, so the finding is written as the sweep would leave it.
    /// </summary>
    private Task EscalatedFindingAsync(string number) => app.Api.ScalarAsync<int>(
        """
        INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at, proposed_action)
        SELECT id, id, 'GA_OVERDUE', 'Escalated', DATE '2026-06-30', now(), now(), 'Suspension' FROM registry.organizations WHERE registration_number = $1
        """,
        number);

}
