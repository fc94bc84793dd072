using System.Net.Http.Json;
using Microsoft.Playwright;
using Registry.Domain.Applications;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>The applicant's pages: my applications, and an application's status with the official's comments; nobody else's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicantJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task My_applications_lists_mine_and_its_page_shows_the_officials_comments_and_what_happens_next(string language)
    {
        BrowserApp.Speak(language);
        var (owner, email) = await app.Api.NewApplicantWithEmailAsync();
        var nameLatin = Samples.UniqueLatin("Coopérative Oasis");
        var id = await owner.SubmittedAsync(Samples.Cooperative(nameLatin: nameLatin));
        using var official = await app.Api.NewStaffAsync("RegionalOfficial", "06");
        const string comments = "Joignez le procès-verbal signé. أرفقوا المحضر الموقع.";
        (await official.PostAsJsonAsync($"/api/v1/applications/{id}/request-changes", new { comments })).EnsureSuccessStatusCode();

        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);

        var row = page.Locator("tbody tr").Filter(new() { HasText = nameLatin });
        await Assertions.Expect(row).ToContainTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.ChangesRequested));
        await PageChecks.CheckAsync(page, $"my-applications-{language}");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/account/applications/{id}");
        await Assertions.Expect(page.Locator(".application-status")).ToHaveTextAsync(UiText.ApplicationStatusOf(ApplicationStatus.ChangesRequested));
        await Assertions.Expect(page.Locator(".official-comments")).ToHaveTextAsync(comments);
        await Assertions.Expect(page.Locator(".next-step")).ToHaveTextAsync(UiText.NextStep(ApplicationStatus.ChangesRequested));
        await PageChecks.CheckAsync(page, $"application-status-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_applicants_application_is_a_not_found_page()
    {
        BrowserApp.Speak("ar");
        var owner = await app.Api.NewApplicantAsync();
        var id = await owner.DraftAsync();
        var (_, otherEmail) = await app.Api.NewApplicantWithEmailAsync();

        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, otherEmail);
        var response = await page.GotoAsync($"/account/applications/{id}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_applications_pages_ask_an_anonymous_visitor_to_log_in()
    {
        var page = await app.NewPageAsync("ar");

        await page.GotoAsync($"/account/applications/{Guid.NewGuid()}");

        Assert.Contains("/account/log-in", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

}
