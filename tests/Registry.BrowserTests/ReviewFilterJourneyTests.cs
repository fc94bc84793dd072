using Microsoft.Playwright;
using Registry.Domain.Applications;
using Registry.Domain.Compliance;
using Registry.Domain.Reference;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The filter forms of the official's queues, in both languages. Data only in Drâa-Tafilalet (08, Errachidia 201)
/// and Guelmim-Oued Noun (10, Guelmim 261), which no other browser test counts; each language files its own legal
/// form so that one filter picks exactly its application (the queue shows one a page here).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewFilterJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_official_narrows_the_queue_by_region_form_status_and_day_and_gets_a_message_for_a_value_no_list_offers(string language)
    {
        BrowserApp.Speak(language);
        var form = language == "ar" ? LegalForm.COOP : LegalForm.ASSO;
        var owner = await app.Api.NewApplicantAsync();
        var in08 = Samples.UniqueLatin("Drâa Filtre");
        var in10 = Samples.UniqueLatin("Guelmim Filtre");
        await owner.SubmittedAsync(Sample(form, "201", in08));
        await owner.SubmittedAsync(Sample(form, "261", in10));
        var (_, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "08", "10");
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync("/review");

        // The region list offers the official's regions only.
        Assert.Equal(["", "08", "10"], await page.Locator("#region option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await page.GetByLabel(UiText.Region).SelectOptionAsync("08");
        await page.GetByLabel(UiText.LegalForm).SelectOptionAsync(form.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await page.WaitForURLAsync("**/review?region=08&form=*");
        var rows = page.Locator(".review-queue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(in08);
        await Assertions.Expect(page.GetByLabel(UiText.Region)).ToHaveValueAsync("08");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage }).CountAsync());
        await PageChecks.CheckAsync(page, $"review-queue-filtered-{language}");

        // Tomorrow in Morocco: nothing yet, said so; today: the application of region 10.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Application.Common.Interfaces.LegalCalendar.Morocco).DateTime);
        await page.GetByLabel(UiText.Region).SelectOptionAsync("10");
        await page.GetByLabel(ReviewText.SubmittedSince).FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await Assertions.Expect(page.Locator(".queue-empty")).ToHaveTextAsync(ReviewText.QueueNoMatch);
        await page.GetByLabel(ReviewText.SubmittedSince).FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await Assertions.Expect(page.Locator(".review-queue tbody tr")).ToContainTextAsync(in10);
        await page.GetByLabel(UiText.Status).SelectOptionAsync(nameof(ApplicationStatus.Rejected)); // nobody rejects in these regions
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await Assertions.Expect(page.Locator(".queue-empty")).ToHaveTextAsync(ReviewText.QueueNoMatch);

        // Hand-made addresses: another official's region, a form or status no list offers, a date that is none. Words, not a 500.
        foreach (var (query, field, message) in new[]
                 {
                     ("?region=06", "region", UiText.ChooseFromList),
                     ("?form=SARL", "form", UiText.ChooseFromList),
                     ("?status=Draft", "status", null),
                     ("?since=31%2F01%2F2026", "since", ReviewText.DateInvalid),
                 })
        {
            var response = await page.GotoAsync("/review" + query);
            Assert.Equal(200, response!.Status);
            var error = page.Locator($".error-summary a[href='#{field}']");
            await Assertions.Expect(error).ToHaveCountAsync(1);
            if (message is not null)
            {
                await Assertions.Expect(error).ToHaveTextAsync(message);
            }

            await Assertions.Expect(page.Locator("#" + field)).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal(0, await page.Locator(".review-queue").CountAsync());
        }

        await PageChecks.CheckAsync(page, $"review-queue-filter-error-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_official_narrows_the_escalated_findings_by_region_and_by_rule(string language)
    {
        BrowserApp.Speak(language);
        var owner = await app.Api.NewApplicantAsync();
        var (official, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "08", "10");
        var in08 = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "201")));
        var in10 = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "261")));
        await EscalatedAsync(in08, ComplianceRules.GaOverdue);
        await EscalatedAsync(in10, ComplianceRules.AccountsOverdue);

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        await page.GotoAsync("/review/findings");
        var table = page.Locator(".findings");
        await Assertions.Expect(table).ToContainTextAsync(in08);
        await Assertions.Expect(table).ToContainTextAsync(in10);

        await page.GetByLabel(UiText.Region).SelectOptionAsync("08");
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await page.WaitForURLAsync("**/review/findings?region=08*");
        await Assertions.Expect(table).ToContainTextAsync(in08);
        await Assertions.Expect(table).Not.ToContainTextAsync(in10);
        await PageChecks.CheckAsync(page, $"review-findings-filtered-{language}");

        await page.GetByLabel(UiText.Region).SelectOptionAsync("");
        await page.GetByLabel(ReviewText.Rule).SelectOptionAsync(new SelectOptionValue { Label = Ui.In(ComplianceRules.Get(ComplianceRules.AccountsOverdue).Title) });
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await Assertions.Expect(table).ToContainTextAsync(in10);
        await Assertions.Expect(table).Not.ToContainTextAsync(in08);

        await page.GetByLabel(UiText.Region).SelectOptionAsync("08");
        await page.GetByRole(AriaRole.Button, new() { Name = ReviewText.ApplyFilters }).ClickAsync();
        await Assertions.Expect(page.Locator(".findings-empty")).ToHaveTextAsync(ReviewText.FindingsNoMatch);

        foreach (var (query, field) in new[] { ("?region=06", "region"), ("?rule=NOT_A_RULE", "rule") })
        {
            var response = await page.GotoAsync("/review/findings" + query);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator($".error-summary a[href='#{field}']")).ToHaveTextAsync(UiText.ChooseFromList);
            Assert.Equal(0, await page.Locator(".findings").CountAsync());
        }

        await PageChecks.CheckAsync(page, $"review-findings-filter-error-{language}");
        await page.Context.CloseAsync();
    }

    private static object Sample(LegalForm form, string province, string name) =>
        form == LegalForm.ASSO ? Samples.Association(province: province, nameLatin: name) : Samples.Cooperative(province: province, nameLatin: name);

    private Task EscalatedAsync(string number, string rule) => app.Api.ScalarAsync<int>(
        """
        INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at, proposed_action)
        SELECT id, id, $2, 'Escalated', DATE '2026-06-30', now(), now(), 'Suspension' FROM registry.organizations WHERE registration_number = $1
        """,
        number, rule);
}
