using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>Accounts with Identity's cookie: sign up, log out, log in, and forms that refuse a post without their anti-forgery token.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Sign_up_then_log_out_and_log_in_shows_the_users_page(string language)
    {
        BrowserApp.Speak(language);
        var email = $"founder-{Guid.NewGuid():N}@example.ma";
        var page = await app.NewPageAsync(language);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = UiText.SignUp }).ClickAsync();
        await PageChecks.CheckAsync(page, $"sign-up-{language}");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password, new() { Exact = true }).FillAsync(RegistryApiFactory.Password);
        await page.GetByLabel(UiText.ConfirmPassword).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.SignUp }).ClickAsync();

        await page.WaitForURLAsync("**/account");
        await Assertions.Expect(page.Locator(".account-email")).ToHaveTextAsync(email);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(UiText.Role("Applicant"));
        await PageChecks.CheckAsync(page, $"account-{language}");

        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == ".AspNetCore.Identity.Application");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.True(cookies.Single(c => c.Name == "registry.antiforgery").HttpOnly);

        await page.GetByRole(AriaRole.Button, new() { Name = UiText.LogOut }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        var refused = await page.GotoAsync("/account");
        Assert.Contains("/account/log-in", refused!.Url, StringComparison.Ordinal);

        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await page.WaitForURLAsync("**/account");
        await Assertions.Expect(page.Locator(".account-email")).ToHaveTextAsync(email);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Sign_up_mistakes_are_summarised_in_the_language_and_linked_to_their_fields(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/account/sign-up");

        await page.GetByLabel(UiText.Email).FillAsync("not-an-email");
        await page.GetByLabel(UiText.Password, new() { Exact = true }).FillAsync("short");
        await page.GetByLabel(UiText.ConfirmPassword).FillAsync("different");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.SignUp }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.Locator("a[href='#email']")).ToHaveTextAsync(UiText.EmailInvalid);
        await Assertions.Expect(summary.Locator("a[href='#confirm']")).ToHaveTextAsync(UiText.PasswordsDiffer);
        await Assertions.Expect(page.GetByLabel(UiText.Email)).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, $"sign-up-errors-{language}");

        await page.GetByLabel(UiText.Email).FillAsync($"weak-{Guid.NewGuid():N}@example.ma");
        await page.GetByLabel(UiText.Password, new() { Exact = true }).FillAsync("short");
        await page.GetByLabel(UiText.ConfirmPassword).FillAsync("short");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.SignUp }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#password']").First).ToHaveTextAsync(new Infrastructure.Identity.LocalizedIdentityErrorDescriber().PasswordTooShort(12).Description);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_does_not_log_in()
    {
        BrowserApp.Speak("ar");
        var page = await app.NewPageAsync("ar");
        await page.GotoAsync("/account/log-in");

        await page.GetByLabel(UiText.Email).FillAsync(RegistryApiFactory.AdminEmail);
        await page.GetByLabel(UiText.Password).FillAsync("Wrong-Password-2026!");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(UiText.LoginFailed);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/account/log-in")]
    [InlineData("/account/sign-up")]
    [InlineData("/account/log-out")]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(string path)
    {
        var page = await app.NewPageAsync("ar");
        await page.GotoAsync(path == "/account/log-out" ? "/" : path); // the browser holds the anti-forgery cookie, as a victim's would

        var forged = await page.Context.APIRequest.PostAsync(path, new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("email", RegistryApiFactory.AdminEmail).Append("password", RegistryApiFactory.Password).Append("confirm", RegistryApiFactory.Password),
            MaxRedirects = 0,
        });

        Assert.Equal(400, forged.Status);
        Assert.StartsWith("text/html", forged.Headers["content-type"], StringComparison.Ordinal);
        BrowserApp.Speak("ar");
        Assert.Contains(UiText.ErrorTitle, await forged.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        await page.Context.CloseAsync();
    }
}
