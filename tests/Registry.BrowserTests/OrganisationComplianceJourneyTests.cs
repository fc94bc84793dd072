using System.Security.Cryptography;
using Microsoft.Playwright;
using Registry.Domain.Compliance;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The owner's organisations: the open findings in the page's language, a general assembly declared with its minutes
/// and listed with the document to download; nobody else's organisation, form or document (a not-found page).
/// The organisations made here are in Béni Mellal-Khénifra (05, Arabic) and Marrakech-Safi (07, French): no other
/// browser test counts or lists those regions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationComplianceJourneyTests(BrowserApp app)
{
    /// <summary>Minutes of 2 MB: more than the pages' ordinary 1 MB body, well under the documents' 10 MB.</summary>
    private static readonly byte[] Minutes = Samples.PdfOfLength(2 * 1024 * 1024);

    private static string Yesterday => DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_owner_sees_a_finding_files_the_general_assembly_with_its_minutes_and_finds_it_listed(string language)
    {
        BrowserApp.Speak(language);
        var (number, email, _) = await OrganisationWithFindingAsync(language);
        var rule = ComplianceRules.Get("GA_OVERDUE");

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = OrganisationText.MyOrganisations }).ClickAsync();
        await page.WaitForURLAsync("**/account/organisations");
        var row = page.Locator($".my-organisations tr[data-number='{number}']");
        await Assertions.Expect(row.Locator(".compliance")).ToHaveTextAsync(
            OrganisationText.OpenFindings(1) + " · " + OrganisationText.StageOf(FindingStage.Overdue));
        await Assertions.Expect(page.Locator(".my-organisations tbody tr")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(page, $"my-organisations-{language}");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}");
        var finding = page.Locator(".findings tr[data-rule='GA_OVERDUE']");
        await Assertions.Expect(finding.Locator(".finding-title")).ToHaveTextAsync(rule.Title.In(language));
        await Assertions.Expect(finding.Locator(".finding-article")).ToHaveTextAsync(rule.Article.In(language));
        await Assertions.Expect(finding.Locator(".finding-stage")).ToHaveTextAsync(OrganisationText.StageOf(FindingStage.Overdue));
        await Assertions.Expect(finding.Locator(".finding-due")).ToHaveTextAsync(Ui.Date(new DateOnly(2025, 12, 31)));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(OrganisationText.NoDeclarations);
        await PageChecks.CheckAsync(page, $"my-organisation-{language}");

        await page.GetByRole(AriaRole.Link, new() { Name = OrganisationText.KindOf(DeclarationKind.GeneralAssembly) }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}/declare/general-assembly");
        await PageChecks.CheckAsync(page, $"declare-assembly-{language}");

        // Sent empty: each missing answer is summarised in the page's language and marked on its field.
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#effective-on']")).ToHaveTextAsync(OrganisationText.DateRequired);
        await Assertions.Expect(page.Locator(".error-summary a[href='#document']")).ToHaveTextAsync(OrganisationText.DocumentRequired(DeclarationKind.GeneralAssembly));
        // In the order of the fields, not in ModelState's (which sorts "document" before "effective-on").
        Assert.Equal(["#effective-on", "#document"], await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Assertions.Expect(page.GetByLabel(OrganisationText.DocumentLabel(DeclarationKind.GeneralAssembly))).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, $"declare-assembly-errors-{language}");

        // A program renamed .pdf is refused by the use case's check of the bytes, on the document's field.
        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.GeneralAssembly)).FillAsync(Yesterday);
        await page.GetByLabel(OrganisationText.DocumentLabel(DeclarationKind.GeneralAssembly)).SetInputFilesAsync(
            new FilePayload { Name = "pv.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00] });
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#document']")).ToHaveTextAsync(Registry.Application.Documents.UploadedFile.WrongType);
        Assert.Equal(0L, await DeclarationCountAsync(number));

        // A date to come is the validator's own message, in the page's language.
        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.GeneralAssembly)).FillAsync(
            DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel(OrganisationText.DocumentLabel(DeclarationKind.GeneralAssembly)).SetInputFilesAsync(
            new FilePayload { Name = "pv-ago.pdf", MimeType = "application/pdf", Buffer = Minutes });
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#effective-on']")).ToHaveTextAsync(
            language == "ar" ? "يتعلق التصريح بواقعة حدثت بالفعل." : "Une déclaration porte sur un fait déjà survenu.");

        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.GeneralAssembly)).FillAsync(Yesterday);
        await page.GetByLabel(OrganisationText.DocumentLabel(DeclarationKind.GeneralAssembly)).SetInputFilesAsync(
            new FilePayload { Name = "pv-ago.pdf", MimeType = "application/pdf", Buffer = Minutes });
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();

        // Post-Redirect-Get: the organisation's page says what was filed and what happens next, and lists it.
        await page.WaitForURLAsync($"**/account/organisations/{number}?filed=*");
        await Assertions.Expect(page.Locator(".filed-result h2")).ToHaveTextAsync(OrganisationText.Filed);
        var declared = page.Locator(".declarations tbody tr");
        await Assertions.Expect(declared).ToHaveCountAsync(1);
        await Assertions.Expect(declared).ToContainTextAsync(OrganisationText.KindOf(DeclarationKind.GeneralAssembly));
        await PageChecks.CheckAsync(page, $"declaration-filed-{language}");
        Assert.Equal(1L, await DeclarationCountAsync(number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Minutes)), await app.Api.ScalarAsync<string>(
            "SELECT d.document_sha256 FROM registry.declarations d JOIN registry.organizations o ON o.id = d.organization_id WHERE o.registration_number = $1 AND d.kind = 'GeneralAssembly'",
            number));

        var download = await page.RunAndWaitForDownloadAsync(() => declared.GetByRole(AriaRole.Link).ClickAsync());
        Assert.Equal("pv-ago.pdf", download.SuggestedFilename);
        Assert.Equal(Minutes, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // Reloading the confirmation files nothing more.
        await page.ReloadAsync();
        Assert.Equal(1L, await DeclarationCountAsync(number));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_owner_declares_new_officers_and_members_who_joined_and_left_with_rows_added_without_script(string language)
    {
        BrowserApp.Speak(language);
        var (number, email, _) = await OrganisationWithFindingAsync(language);
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync($"/account/organisations/{number}");

        // New managers: two rows (the second added by a submit button, the first kept as typed), a mandate ending before it starts.
        await page.GetByRole(AriaRole.Link, new() { Name = OrganisationText.KindOf(DeclarationKind.ManagementChange), Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}/declare/management-change");
        // Native date inputs show the browser's own format: no hint spelling out another one beside them.
        var dates = page.Locator("input[type=date]");
        Assert.Equal(4, await dates.CountAsync());
        Assert.All(await dates.EvaluateAllAsync<string?[]>("inputs => inputs.map(i => i.getAttribute('aria-describedby'))"), Assert.Null);
        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.ManagementChange)).FillAsync(Yesterday);
        await page.Locator("#officers-0-role").SelectOptionAsync("Manager");
        await page.Locator("#officers-0-fullNameLatin").FillAsync("Nadia Berrada");
        await page.Locator("#officers-0-cin").FillAsync("EE123456");
        await page.Locator("#officers-0-mandateStart").FillAsync("2026-01-10");
        await page.Locator("#officers-0-mandateEnd").FillAsync("2025-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.AddOfficer }).ClickAsync();
        await Assertions.Expect(page.Locator(".officer-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#officers-0-fullNameLatin")).ToHaveValueAsync("Nadia Berrada");
        await page.Locator("#officers-1-role").SelectOptionAsync("Treasurer");
        await page.Locator("#officers-1-fullNameAr").FillAsync("سعيد الفاسي");
        await page.Locator("#officers-1-mandateStart").FillAsync("2026-01-10");
        await page.Locator("#officers-1-mandateEnd").FillAsync("2029-01-10");
        await PageChecks.CheckAsync(page, $"declare-management-{language}");

        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#officers-0-mandateEnd']")).ToHaveTextAsync(OrganisationText.MandateEndAfterStart);
        await Assertions.Expect(page.Locator("#officers-0-mandateEnd")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#officers-1-fullNameAr")).ToHaveValueAsync("سعيد الفاسي");
        await PageChecks.CheckAsync(page, $"declare-management-errors-{language}");
        Assert.Equal(0L, await DeclarationCountAsync(number));

        await page.Locator("#officers-0-mandateEnd").FillAsync("2029-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}?filed=*");
        await Assertions.Expect(page.Locator(".declarations tbody tr")).ToContainTextAsync(OrganisationText.KindOf(DeclarationKind.ManagementChange));
        Assert.Equal(2, await app.Api.ScalarAsync<int>(
            "SELECT (d.details->>'officers')::int FROM registry.declarations d JOIN registry.organizations o ON o.id = d.organization_id WHERE o.registration_number = $1 AND d.kind = 'ManagementChange'",
            number));

        // Members: sent empty, the form says what is missing; then a woman joins, a man leaves (a second leaver added, then removed).
        await page.GetByRole(AriaRole.Link, new() { Name = OrganisationText.KindOf(DeclarationKind.MemberChange), Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}/declare/member-change");
        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.MemberChange)).FillAsync(Yesterday);
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#member-changes']")).ToHaveTextAsync(OrganisationText.MemberChangesRequired);

        await page.Locator("#joining-0-fullNameLatin").FillAsync("Salma Bennani");
        await page.Locator("#joining-0-cin").FillAsync("GH778899");
        await page.Locator("#joining-0-birthDate").FillAsync("1995-05-05");
        await page.Locator("#joining-0-gender").SelectOptionAsync("Female");
        await page.Locator("#joining-0-sharesSubscribed").FillAsync("10");
        await page.Locator("#joining-0-sharesPaid").FillAsync("10");
        await page.Locator("#leaving-0").FillAsync("D112233");
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.AddLeaving }).ClickAsync();
        await page.Locator("#leaving-1").FillAsync("C98765");
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.RemoveLeaving(2) }).ClickAsync();
        await Assertions.Expect(page.Locator("#leaving-1")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#joining-0-fullNameLatin")).ToHaveValueAsync("Salma Bennani");
        await PageChecks.CheckAsync(page, $"declare-members-{language}");

        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}?filed=*");
        await Assertions.Expect(page.Locator(".filed-result strong")).ToHaveTextAsync(OrganisationText.KindOf(DeclarationKind.MemberChange));
        // Five members before (two women): Hassan left, Salma joined.
        await Assertions.Expect(page.Locator(".summary-list")).ToContainTextAsync($"{Ui.Number(5)} ({UiText.WomenMembers} {Ui.Number(3)})");
        Assert.Equal(3, await app.Api.ScalarAsync<int>("SELECT women_member_count FROM registry.organizations WHERE registration_number = $1", number));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task A_document_over_10_MB_gets_a_page_in_the_language_saying_so_with_status_413_on_both_upload_forms(string language)
    {
        BrowserApp.Speak(language);
        var (number, email, owner) = await OrganisationWithFindingAsync(language);
        var draft = await owner.DraftAsync(Samples.Cooperative(province: language == "ar" ? "091" : "351"));
        var tooLarge = new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Samples.PdfOfLength((11 * 1024 * 1024) + 512) };
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);

        await page.GotoAsync($"/account/organisations/{number}/declare/general-assembly");
        await page.GetByLabel(OrganisationText.EffectiveOnLabel(DeclarationKind.GeneralAssembly)).FillAsync(Yesterday);
        await page.GetByLabel(OrganisationText.DocumentLabel(DeclarationKind.GeneralAssembly)).SetInputFilesAsync(tooLarge);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = OrganisationText.Submit }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(413, refused.Status);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.TooLargeTitle);
        await Assertions.Expect(page.Locator(".too-large")).ToHaveTextAsync(UiText.TooLargeHelp);
        await PageChecks.CheckAsync(page, $"upload-too-large-{language}");
        Assert.Equal(0L, await DeclarationCountAsync(number));
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.BackToForm }).ClickAsync();
        await page.WaitForURLAsync($"**/account/organisations/{number}/declare/general-assembly");

        await page.GotoAsync($"/apply/{draft}/documents");
        await page.GetByLabel(ApplyText.DocumentKind).SelectOptionAsync("Statutes");
        await page.GetByLabel(ApplyText.File).SetInputFilesAsync(tooLarge);
        refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = ApplyText.AttachButton }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(413, refused.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.TooLargeTitle);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.Equal(0L, await app.Api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(draft)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_applicant_gets_the_not_found_page_for_the_organisation_its_form_and_its_documents()
    {
        BrowserApp.Speak("fr");
        var (number, _, owner) = await OrganisationWithFindingAsync("fr");
        var filed = await owner.DeclareAsync(number, new { kind = "GeneralAssembly", effectiveOn = Yesterday }, Samples.Pdf, "pv.pdf");
        await WorkflowSteps.Expect(filed, System.Net.HttpStatusCode.Created);
        var declarationId = (string)(await filed.ReadJsonAsync())["id"]!;
        var (_, otherEmail) = await app.Api.NewApplicantWithEmailAsync();

        var page = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(page, otherEmail);
        await page.GotoAsync("/account/organisations");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(OrganisationText.NoOrganisations);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(number);

        foreach (var path in new[]
        {
            $"/account/organisations/{number}", $"/account/organisations/{number.ToLowerInvariant()}",
            $"/account/organisations/{number}/declare/general-assembly", $"/account/organisations/{number}/declarations/{declarationId}/document",
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("GA_OVERDUE");
        }

        await PageChecks.CheckAsync(page, "my-organisation-not-found-fr");

        // A post with a valid anti-forgery token of this session, to another's organisation: not found, nothing filed.
        await page.GotoAsync("/account/organisations");
        var token = await page.Locator("form input[name='__rvt']").First.GetAttributeAsync("value");
        var before = await DeclarationCountAsync(number);
        var forged = await page.Context.APIRequest.PostAsync($"/account/organisations/{number}/declare/general-assembly", new()
        {
            Multipart = page.Context.APIRequest.CreateFormData()
                .Append("__rvt", token!)
                .Append("effective-on", Yesterday)
                .Append("document", new FilePayload { Name = "pv.pdf", MimeType = "application/pdf", Buffer = Samples.Pdf }),
        });
        Assert.Equal(404, forged.Status);
        Assert.Equal(before, await DeclarationCountAsync(number));
        Assert.True(await app.Api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries a JOIN registry.organizations o ON o.id = a.organization_id WHERE o.registration_number = $1 AND a.outcome = 'Refused'",
            number) >= 1);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// An applicant's cooperative registered in 05 (Arabic) or 07 (French), with the general assembly found overdue as the
    /// nightly sweep would leave it (the browser's app runs on today's clock).
    /// </summary>
    private async Task<(string Number, string Email, HttpClient Owner)> OrganisationWithFindingAsync(string language)
    {
        var (region, province) = language == "ar" ? ("05", "091") : ("07", "351");
        var (owner, email) = await app.Api.NewApplicantWithEmailAsync();
        var official = await app.Api.NewStaffAsync("RegionalOfficial", region);
        var number = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: province)));
        await app.Api.ScalarAsync<int>(
            """
            INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at)
            SELECT id, id, 'GA_OVERDUE', 'Overdue', DATE '2025-12-31', now(), now() FROM registry.organizations WHERE registration_number = $1
            """,
            number);
        return (number, email, owner);
    }

    private Task<long> DeclarationCountAsync(string number) => app.Api.ScalarAsync<long>(
        "SELECT count(*) FROM registry.declarations d JOIN registry.organizations o ON o.id = d.organization_id WHERE o.registration_number = $1", number);
}
