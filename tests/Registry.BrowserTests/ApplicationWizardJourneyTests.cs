using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Domain.Applications;
using Registry.Domain.Documents;
using Registry.Domain.Legal;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The applicant's name reservation and step-by-step application, end to end in the browser: reservation with a
/// similar-name warning, every step of a cooperative, the draft found again after logging out, documents, a broken
/// rule beside its section, submission, and the correction after an official asked for changes. Data in region 04
/// (Rabat-Salé-Kénitra), which the other journeys do not count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationWizardJourneyTests(BrowserApp app)
{
    private const string Region = "04";
    private const string Province = "281";

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_applicant_reserves_a_name_fills_every_step_fixes_a_broken_rule_submits_and_corrects_after_changes_requested(string language)
    {
        BrowserApp.Speak(language);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var taken = $"Coopérative Tifawin Argan {suffix}";
        var name = $"Coopérative Tifawine Argan {suffix}";
        using (var other = await app.Api.NewApplicantAsync())
        {
            (await other.PostAsJsonAsync("/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = taken })).EnsureSuccessStatusCode();
        }

        var (owner, email) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);

        // The name: reserved, with the similar name another applicant holds as a warning.
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = ApplyText.ReserveLink }).ClickAsync();
        await page.GetByLabel(UiText.LegalForm).SelectOptionAsync("COOP");
        await page.Locator("#nameLatin").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.ReserveButton }).ClickAsync();
        await Assertions.Expect(page.Locator(".reservation-result")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator(".similar-name").Filter(new() { HasText = taken })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".similar-name").Filter(new() { HasText = taken }).Locator(".similarity")).ToHaveTextAsync(new Regex("[0-9٠-٩]"));
        await PageChecks.CheckAsync(page, $"apply-name-{language}");

        // Organisation, from the reservation.
        await page.Locator(".reservation-result").GetByRole(AriaRole.Link, new() { Name = ApplyText.StartButton }).ClickAsync();
        await page.WaitForURLAsync("**/apply/new/organisation?reservation=*");
        await Assertions.Expect(page.Locator("#nameLatin")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel(UiText.LegalForm)).ToHaveValueAsync("COOP");
        await page.GetByLabel(UiText.Sector).SelectOptionAsync("AGRI");
        await page.Locator("#foundingDate").FillAsync("2026-01-15");
        await page.Locator("#financialYearEnd").FillAsync("12-31");
        await page.Locator("#shareValue").FillAsync("100");
        await PageChecks.CheckAsync(page, $"apply-organisation-{language}");
        await SaveAndContinueAsync(page);

        // Seat: saving it creates the draft.
        await page.WaitForURLAsync("**/apply/new/seat");
        await page.GetByLabel(UiText.Province).SelectOptionAsync(Province);
        await page.Locator("#seatAddress").FillAsync("12 rue Al Massira, Kénitra");
        await PageChecks.CheckAsync(page, $"apply-seat-{language}");
        await SaveAndContinueAsync(page);
        await page.WaitForURLAsync(new Regex("/apply/[0-9a-f-]{36}/members$"));
        var id = Regex.Match(page.Url, "/apply/([0-9a-f-]{36})/").Groups[1].Value;

        // Members: four, one short of the law's minimum.
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.AddPerson }).ClickAsync();
            }

            await FillMemberAsync(page, i);
        }

        await PageChecks.CheckAsync(page, $"apply-members-{language}");
        await SaveAndContinueAsync(page);

        // Management: one manager for three years.
        await page.WaitForURLAsync($"**/apply/{id}/management");
        await page.Locator("#officers-0-role").SelectOptionAsync(nameof(OfficerRole.Manager));
        await page.Locator("#officers-0-fullNameLatin").FillAsync("Member 0");
        await page.Locator("#officers-0-cin").FillAsync("KB100000");
        await page.Locator("#officers-0-birthDate").FillAsync("1980-03-01");
        await page.Locator("#officers-0-nationality").FillAsync("MA");
        await page.Locator("#officers-0-profession").FillAsync("Agricultrice");
        await page.Locator("#officers-0-address").FillAsync("Kénitra");
        await page.Locator("#officers-0-mandateStart").FillAsync("2026-01-15");
        await page.Locator("#officers-0-mandateEnd").FillAsync("2029-01-15");
        await PageChecks.CheckAsync(page, $"apply-management-{language}");
        await SaveAndContinueAsync(page);
        await page.WaitForURLAsync($"**/apply/{id}/documents");

        // Log out, log in again: the draft is on "my account", and its page leads back into the steps.
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = UiText.LogOut }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = UiText.LogIn })).ToBeVisibleAsync();
        // Logging out ended every session of the account, the API token the test holds too: sign that in again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        owner.Dispose();
        owner = await app.Api.SignInAsync(email);
        await Journeys.LogInAsync(page, email);
        var row = page.Locator("tbody tr").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.Draft));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ApplyText.ContinueDraft }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/review");
        await page.GetByRole(AriaRole.Navigation, new() { Name = ApplyText.StepsLabel }).GetByRole(AriaRole.Link, new() { Name = ApplyText.DocumentsStep }).ClickAsync();

        // Documents: each required kind, one upload at a time.
        await Assertions.Expect(page.Locator(".document-missing")).ToHaveCountAsync(3);
        foreach (var kind in new[] { DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.BankCertificate })
        {
            await page.GetByLabel(ApplyText.DocumentKind).SelectOptionAsync(kind.ToString());
            await page.GetByLabel(ApplyText.File, new() { Exact = true }).SetInputFilesAsync(
                new FilePayload { Name = $"{kind}.pdf", MimeType = "application/pdf", Buffer = Samples.Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.AttachButton }).ClickAsync();
            await Assertions.Expect(page.Locator(".attached-documents")).ToContainTextAsync($"{kind}.pdf");
        }

        await Assertions.Expect(page.Locator(".document-missing")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, $"apply-documents-{language}");
        await page.GetByRole(AriaRole.Link, new() { Name = ApplyText.Continue, Exact = true }).ClickAsync();

        // Check your answers, submit: refused, the minimum-members rule in the summary and beside the members.
        await page.WaitForURLAsync($"**/apply/{id}/review");
        await Assertions.Expect(page.Locator("#section-members")).ToContainTextAsync("Member 3");
        await PageChecks.CheckAsync(page, $"apply-review-{language}");
        var minimumMembers = await ApiRuleMessageAsync(owner, id, language, LegalRuleCodes.CoopMinMembers);
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.SubmitButton }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync(minimumMembers);
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#section-members .rule-error")).ToContainTextAsync(minimumMembers);
        await PageChecks.CheckAsync(page, $"apply-review-refused-{language}");

        await summary.GetByRole(AriaRole.Link, new() { Name = minimumMembers }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/members?from=review#members");
        await Assertions.Expect(page.Locator("main .rule-error")).ToContainTextAsync(minimumMembers);
        await PageChecks.CheckAsync(page, $"apply-members-rule-{language}");
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.AddPerson }).ClickAsync();
        await FillMemberAsync(page, 4);
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.SaveAndReturn }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/review");
        await Assertions.Expect(page.Locator(".rule-error")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.SubmitButton }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/submitted");
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.Submitted));
        await PageChecks.CheckAsync(page, $"apply-submitted-{language}");

        // An official of the region asks for changes; the applicant corrects the seat and submits again.
        using var official = await app.Api.NewStaffAsync("RegionalOfficial", Region);
        const string comments = "Précisez l'adresse du siège. حددوا عنوان المقر.";
        (await official.PostAsJsonAsync($"/api/v1/applications/{id}/request-changes", new { comments })).EnsureSuccessStatusCode();
        await page.GotoAsync($"/account/applications/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = ApplyText.Correct }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/review");
        await Assertions.Expect(page.Locator(".official-comments")).ToHaveTextAsync(comments);
        await page.Locator("#section-seat").GetByRole(AriaRole.Link, new() { Name = ApplyText.Change }).ClickAsync();
        await page.Locator("#seatAddress").FillAsync("14 rue Al Massira, Kénitra");
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.SaveAndReturn }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/review");
        await Assertions.Expect(page.Locator("#section-seat")).ToContainTextAsync("14 rue Al Massira");
        await PageChecks.CheckAsync(page, $"apply-correct-{language}");
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.SubmitButton }).ClickAsync();
        await page.WaitForURLAsync($"**/apply/{id}/submitted");

        var application = (await owner.GetFromJsonAsync<JsonObject>($"/api/v1/applications/{id}"))!;
        Assert.Equal("Submitted", (string)application["status"]!);
        Assert.Equal("14 rue Al Massira, Kénitra", (string)application["seatAddress"]!);
        Assert.Equal(5, application["members"]!.AsArray().Count);
        Assert.Equal(Region, (string)application["regionCode"]!);
        await page.Context.CloseAsync();
        owner.Dispose();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Reserving_a_registered_name_is_refused_naming_the_organisation_that_holds_it(string language)
    {
        BrowserApp.Speak(language);
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);

        await page.GotoAsync("/apply/name");
        await page.GetByLabel(UiText.LegalForm).SelectOptionAsync("COOP");
        await page.Locator("#nameLatin").FillAsync(BrowserApp.SeededNameLatin.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = ApplyText.ReserveButton }).ClickAsync();

        var error = page.Locator("#nameLatin-error");
        await Assertions.Expect(error).ToContainTextAsync(BrowserApp.SeededNameLatin);
        await Assertions.Expect(error).ToContainTextAsync(app.SeededNumber);
        await Assertions.Expect(error).ToContainTextAsync(language == "ar" ? "مسجل من قبل" : "déjà immatriculé");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(app.SeededNumber);
        await Assertions.Expect(page.Locator(".reservation-result")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, $"apply-name-taken-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Hostile_input_gets_validation_messages_beside_the_fields_never_an_error_page(string language)
    {
        BrowserApp.Speak(language);
        var (owner, email) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);

        await page.GotoAsync("/apply/new/organisation");
        await page.GetByLabel(UiText.LegalForm).SelectOptionAsync("COOP");
        await page.Locator("#nameLatin").FillAsync("Coop \u202Eevil\u202C");
        await page.Locator("#nameAr").FillAsync("<script>alert(1)</script>");
        await page.GetByLabel(UiText.Sector).SelectOptionAsync("AGRI");
        // The date picker offers no day after today in Morocco.
        Assert.Equal(Registry.Application.Common.Interfaces.LegalCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#foundingDate").GetAttributeAsync("max"));
        // A hand-made value the date picker would not let through.
        await page.Locator("#foundingDate").EvaluateAsync("e => e.type = 'text'");
        await page.Locator("#foundingDate").FillAsync("31/02/2026<b>");
        await page.Locator("#financialYearEnd").FillAsync(new string('9', 100_000));
        await SaveAndContinueAsync(page);

        Assert.EndsWith("/apply/new/organisation", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#foundingDate-error")).ToContainTextAsync(ApplyText.DateInvalid);
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, $"apply-hostile-{language}");

        // The same with a readable date, but tomorrow's in Morocco (a founding assembly not held yet): the API's validator
        // speaks, beside each field.
        var tomorrow = Registry.Application.Common.Interfaces.LegalCalendar.Today(TimeProvider.System).AddDays(1);
        await page.Locator("#foundingDate").FillAsync(tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SaveAndContinueAsync(page);
        await Assertions.Expect(page.Locator("#foundingDate-error")).ToContainTextAsync(language == "ar" ? "بعد تاريخ اليوم" : "postérieure à aujourd'hui");
        await Assertions.Expect(page.Locator("#nameLatin-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#nameAr-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#financialYearEnd-error")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main script").CountAsync());

        // A member's CIN with a control character and a huge name, on a draft made through the API.
        var id = await owner.DraftAsync(Samples.Cooperative(province: Province));
        await page.GotoAsync($"/apply/{id}/members");
        await page.Locator("#members-0-cin").FillAsync("AB\u0007123");
        await page.Locator("#members-0-fullNameLatin").FillAsync(new string('x', 5_000));
        var response = await page.RunAndWaitForResponseAsync(() => SaveAndContinueAsync(page), r => r.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        await Assertions.Expect(page.Locator("#members-0-cin-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#members-0-fullNameLatin-error")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        owner.Dispose();
    }

    [Fact]
    public async Task Another_applicants_draft_is_a_not_found_page_and_staff_get_access_reserved()
    {
        BrowserApp.Speak("fr");
        using var owner = await app.Api.NewApplicantAsync();
        var id = await owner.DraftAsync(Samples.Cooperative(province: Province));
        var (_, otherEmail) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(page, otherEmail);

        foreach (var step in new[] { "organisation", "seat", "members", "management", "documents", "review", "submitted" })
        {
            var response = await page.GotoAsync($"/apply/{id}/{step}");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
        }

        Assert.Equal(404, (await page.GotoAsync("/apply/not-an-id/members"))!.Status);
        await page.Context.CloseAsync();

        var (_, officialEmail) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", Region);
        var staffPage = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(staffPage, officialEmail);
        Assert.Equal(403, (await staffPage.GotoAsync($"/apply/{id}/review"))!.Status);
        Assert.Equal(403, (await staffPage.GotoAsync("/apply/name"))!.Status);
        await staffPage.Context.CloseAsync();
    }

    private static Task SaveAndContinueAsync(IPage page) =>
        page.Locator("main form button.button:not(.button-secondary):not(.visually-hidden)").Last.ClickAsync();

    private static async Task FillMemberAsync(IPage page, int i)
    {
        await page.Locator($"#members-{i}-fullNameLatin").FillAsync($"Member {i}");
        await page.Locator($"#members-{i}-cin").FillAsync($"KB10000{i}");
        await page.Locator($"#members-{i}-birthDate").FillAsync("1980-03-01");
        await page.Locator($"#members-{i}-gender").SelectOptionAsync(i % 2 == 0 ? "Female" : "Male");
        await page.Locator($"#members-{i}-nationality").FillAsync("MA");
        await page.Locator($"#members-{i}-sharesSubscribed").FillAsync("10");
        await page.Locator($"#members-{i}-sharesPaid").FillAsync("5");
    }

    /// <summary>The API's own text of a broken rule, in <paramref name="language"/>, from its 422 (the application stays a draft).</summary>
    private static async Task<string> ApiRuleMessageAsync(HttpClient owner, string id, string language, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rules = (await response.Content.ReadFromJsonAsync<JsonObject>())!["rules"]!.AsArray();
        return (string)rules.Single(r => (string)r!["code"]! == code)!["message"]!;
    }
}
