using Microsoft.Playwright;
using Registry.Infrastructure.Identity;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The language follows the account from browser to browser, and Identity's own refusals (a taken e-mail, a weak
/// password, a locked account) are said in the page's language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountLanguageTests(BrowserApp app)
{
    [Fact]
    public async Task French_chosen_while_signed_in_comes_back_on_another_browser_that_shows_Arabic()
    {
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        BrowserApp.Speak("ar");
        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        BrowserApp.Speak("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.LogOut }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.Context.CloseAsync();

        // Another browser, told Arabic by its own cookie: the log-in page is Arabic, the account takes it back to French.
        var context = await app.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "ar-MA" });
        await context.AddCookiesAsync([new Cookie { Name = "registry.lang", Value = "c=ar-MA|uic=ar-MA", Url = app.BaseUrl }]);
        var other = await context.NewPageAsync();
        BrowserApp.Speak("ar");
        await other.GotoAsync("/account/log-in");
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Journeys.LogInAsync(other, email);

        var html = other.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", "ltr");
        BrowserApp.Speak("fr");
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync(UiText.MyAccount);
        await other.GotoAsync("/organisations");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "fr");
        await PageChecks.CheckAsync(other, "account-language-remembered-fr");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_link_from_another_site_changes_the_browsers_language_but_never_the_account()
    {
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        BrowserApp.Speak("ar");
        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, email);
        Assert.Null(await AccountLanguageAsync(email));
        await page.Locator("a.language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.Equal("fr", await AccountLanguageAsync(email));

        // What a forged link on another site makes the browser send: the signed-in cookie, and Sec-Fetch-Site: cross-site.
        var forged = await page.Context.APIRequest.GetAsync(
            "/language?to=ar", new() { Headers = new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site" }, MaxRedirects = 0 });
        Assert.Equal(302, forged.Status);
        Assert.Equal("fr", await AccountLanguageAsync(email));

        // The switch on the registry's own page does change it.
        await page.Locator("a.language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.Equal("ar", await AccountLanguageAsync(email));
        await page.Context.CloseAsync();
    }

    private Task<string?> AccountLanguageAsync(string email) => app.Api.ScalarAsync<string?>(
        "SELECT c.claim_value FROM identity.user_claims c JOIN identity.users u ON u.id = c.user_id WHERE u.email = $1 AND c.claim_type = 'registry:language'",
        email);

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Signing_up_with_a_taken_email_or_a_weak_password_is_refused_in_the_pages_language(string language)
    {
        var (_, taken) = await app.Api.NewApplicantWithEmailAsync();
        BrowserApp.Speak(language);
        var describer = new LocalizedIdentityErrorDescriber();
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/account/sign-up");

        await page.GetByLabel(UiText.Email).FillAsync(taken);
        await page.GetByLabel(UiText.Password, new() { Exact = true }).FillAsync(RegistryApiFactory.Password);
        await page.GetByLabel(UiText.ConfirmPassword).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.SignUp }).ClickAsync();
        // Said once, though Identity refuses both the user name and the e-mail.
        await Assertions.Expect(page.Locator(".error-summary a[href='#email']")).ToHaveTextAsync([describer.DuplicateEmail(taken).Description]);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await PageChecks.CheckAsync(page, $"sign-up-taken-{language}");

        await page.GetByLabel(UiText.Email).FillAsync($"weak-{Guid.NewGuid():N}@example.ma");
        await page.GetByLabel(UiText.Password, new() { Exact = true }).FillAsync("alllowercase");
        await page.GetByLabel(UiText.ConfirmPassword).FillAsync("alllowercase");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.SignUp }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#password']")).ToHaveTextAsync(
            [describer.PasswordRequiresNonAlphanumeric().Description, describer.PasswordRequiresDigit().Description, describer.PasswordRequiresUpper().Description]);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_so_in_its_language(string language)
    {
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/account/log-in");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel(UiText.Email).FillAsync(email);
            await page.GetByLabel(UiText.Password).FillAsync("Wrong-Password-2026!");
            await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(attempt < 5 ? UiText.LoginFailed : UiText.LockedOut);
        }

        // Locked: even the right password is refused, with the same words.
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(UiText.LockedOut);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        await PageChecks.CheckAsync(page, $"log-in-locked-{language}");
        await page.Context.CloseAsync();
    }
}
