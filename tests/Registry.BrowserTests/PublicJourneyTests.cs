using Microsoft.Playwright;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>The public journey in a real browser, in both languages: search, profile, verify a number.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Search_by_name_finds_the_registered_organisation_and_its_profile_shows_it(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await PageChecks.CheckAsync(page, $"home-{language}");

        // Typed as people type: without the legal-form word, in the page's script.
        await page.GetByLabel(UiText.NameOrNumber).FillAsync(language == "ar" ? "البركة للاركان" : "argane al baraka");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Search, Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/organisations?q=*");
        var result = page.Locator(".result-item").Filter(new() { HasText = app.SeededNumber });
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result).ToContainTextAsync(language == "ar" ? BrowserApp.SeededNameArabic : BrowserApp.SeededNameLatin);
        await Assertions.Expect(result).ToContainTextAsync(UiText.StatusOf(Domain.Organizations.OrganizationStatus.Active));
        await PageChecks.CheckAsync(page, $"search-{language}");

        await result.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/organisations/{app.SeededNumber}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(language == "ar" ? BrowserApp.SeededNameArabic : BrowserApp.SeededNameLatin);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(app.SeededNumber);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(language == "ar" ? "الدار البيضاء" : "Casablanca");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(language == "ar" ? "الفلاحة" : "Agriculture");
        await PageChecks.CheckAsync(page, $"profile-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Search_filters_by_region_and_form(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/organisations");

        await page.GetByLabel(UiText.Region).SelectOptionAsync("06");
        await page.GetByLabel(UiText.LegalForm, new() { Exact = true }).SelectOptionAsync("COOP");
        await page.GetByLabel(UiText.Sector).SelectOptionAsync("AGRI");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Search, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-item").Filter(new() { HasText = app.SeededNumber })).ToHaveCountAsync(1);

        await page.GetByLabel(UiText.Region).SelectOptionAsync("09");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Search, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(UiText.NoResults);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar", "/organisations?q=")]
    [InlineData("fr", "/organisations?q=")]
    [InlineData("ar", "/organisations?region=99&form=")]
    [InlineData("fr", "/organisations?form=NOPE&cursor=")]
    public async Task Hostile_search_input_gets_the_error_summary_never_a_server_error(string language, string prefix)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);

        var response = await page.GotoAsync(prefix + Uri.EscapeDataString(new string('x', 300) + "\u202E<script>"));

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator(".error-summary li")).Not.ToHaveCountAsync(0);
        var target = await page.Locator(".error-summary a").First.GetAttributeAsync("href");
        Assert.Equal(1, await page.Locator(target!).CountAsync()); // each error links to a field that exists
        await Assertions.Expect(page.Locator(".result-item")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_register_pages_with_next_page_links_that_keep_the_filters(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/organisations?region=06");

        // One result per page in these tests; ordered by registration number: ASSO-… before COOP-….
        await Assertions.Expect(page.Locator(".result-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".result-item")).ToContainTextAsync(app.OtherNumber);
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage }).ClickAsync();

        await Assertions.Expect(page.Locator(".result-item")).ToContainTextAsync(app.SeededNumber);
        Assert.Contains("region=06", page.Url, StringComparison.Ordinal);
        Assert.Contains("cursor=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.FirstPage }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-item")).ToContainTextAsync(app.OtherNumber);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Verify_says_registered_with_the_status_for_a_known_number_and_not_found_for_an_unknown_one(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = UiText.Verify }).ClickAsync();

        await page.GetByLabel(UiText.RegistrationNumber).FillAsync(app.SeededNumber.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.VerifyButton }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-found h2")).ToHaveTextAsync(UiText.Registered);
        await Assertions.Expect(page.Locator(".result-found")).ToContainTextAsync(UiText.StatusOf(Domain.Organizations.OrganizationStatus.Active));
        await PageChecks.CheckAsync(page, $"verify-found-{language}");

        var unknown = "COOP-06-2026-999999";
        await page.GetByLabel(UiText.RegistrationNumber).FillAsync(unknown);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = UiText.VerifyButton }).ClickAsync(), r => r.Url.Contains("/verify?number=", StringComparison.Ordinal));
        Assert.Equal(404, response.Status);
        await Assertions.Expect(page.Locator(".result-missing h2")).ToHaveTextAsync(UiText.NotRegistered);
        await PageChecks.CheckAsync(page, $"verify-not-found-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task A_malformed_number_is_summarised_at_the_top_and_linked_to_its_field(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/verify");

        await page.GetByLabel(UiText.RegistrationNumber).FillAsync("<script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.VerifyButton }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = UiText.VerifyMalformed })).ToHaveAttributeAsync("href", "#number");
        await Assertions.Expect(page.Locator("#number-error")).ToContainTextAsync(UiText.VerifyMalformed);
        await Assertions.Expect(page.GetByLabel(UiText.RegistrationNumber)).ToHaveValueAsync("<SCRIPT>ALERT(1)</SCRIPT>");
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel(UiText.RegistrationNumber)).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, $"verify-error-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_unknown_registration_number_is_a_not_found_page(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);

        var response = await page.GotoAsync("/organisations/COOP-06-2026-999999");

        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
        Assert.Equal(404, (await page.GotoAsync("/organisations/not-a-number"))!.Status);

        var unknownPage = await page.GotoAsync("/no/such/page?x=<b>");
        Assert.Equal(404, unknownPage!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.NotFoundTitle);
        Assert.Equal(404, (await page.GotoAsync("/error/500"))!.Status);

        // The API's own paths keep their JSON problem details.
        var api = await page.Context.APIRequest.GetAsync("/api/v1/no-such-resource");
        Assert.Equal(404, api.Status);
        Assert.DoesNotContain("text/html", api.Headers["content-type"], StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, $"not-found-{language}");
        await page.Context.CloseAsync();
    }
}
