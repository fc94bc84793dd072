using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// Two-factor authentication in the browser (issue 7): a new official is sent to enrol after the password, types a
/// code computed from the key the page shows, keeps the recovery codes, reaches the review; later logs in with the
/// password and a code, or a recovery code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task A_new_official_enrols_after_the_password_reaches_the_review_and_later_logs_in_with_a_code(string language)
    {
        BrowserApp.Speak(language);
        var (_, email, _) = await app.Api.NewStaffWithoutSecondFactorAsync("RegionalOfficial", "11");
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/account/log-in");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();

        // Signed in, but sent to enrol; the review sends them back here too, and here back to the review afterwards.
        await page.WaitForURLAsync("**/account/two-factor");
        await page.GotoAsync("/review");
        await page.WaitForURLAsync("**/account/two-factor?returnUrl=%2Freview");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(TwoFactorText.EnrolTitle);
        var grouped = await page.Locator(".authenticator-key").InnerTextAsync();
        Assert.Matches(KeyByFours(), grouped);
        var key = grouped.Replace(" ", "", StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".otpauth-uri")).ToContainTextAsync($"otpauth://totp/");
        await Assertions.Expect(page.Locator(".otpauth-uri")).ToContainTextAsync($"secret={key}&");
        await PageChecks.CheckAsync(page, $"two-factor-enrol-{language}");

        // A wrong code is refused on its field, in the page's language.
        await page.GetByLabel(TwoFactorText.Code).FillAsync(TestTotp.WrongCode(key));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Enable }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#code']")).ToHaveTextAsync(TwoFactorText.CodeWrong);
        await Assertions.Expect(page.GetByLabel(TwoFactorText.Code)).ToHaveAttributeAsync("aria-invalid", "true");

        Assert.Equal(key, await Journeys.EnrolAsync(page));
        var recoveryCodes = await page.Locator(".recovery-codes li").AllInnerTextsAsync();
        Assert.Equal(10, recoveryCodes.Count);
        await PageChecks.CheckAsync(page, $"two-factor-recovery-codes-{language}");
        await page.GetByRole(AriaRole.Link, new() { Name = TwoFactorText.Continue }).ClickAsync();
        await page.WaitForURLAsync("**/review");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(ReviewText.QueueTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.LogOut }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        // Later: the password, then the code step; a wrong code is refused, the right one lets them in.
        await page.GotoAsync("/account/log-in?returnUrl=%2Freview");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await page.WaitForURLAsync("**/account/log-in/code?returnUrl=%2Freview");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(TwoFactorText.CodeTitle);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        await page.GetByLabel(TwoFactorText.Code).FillAsync(TestTotp.WrongCode(key));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Verify }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#code']")).ToHaveTextAsync(TwoFactorText.CodeWrong);
        await PageChecks.CheckAsync(page, $"log-in-code-error-{language}");
        await page.GetByLabel(TwoFactorText.Code).FillAsync(TestTotp.Code(key));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Verify }).ClickAsync();
        await page.WaitForURLAsync("**/review");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(ReviewText.QueueTitle);
        await page.Context.CloseAsync();

        // Another browser, with a recovery code instead of the app's.
        var other = await app.NewPageAsync(language);
        await other.GotoAsync("/account/log-in");
        await other.GetByLabel(UiText.Email).FillAsync(email);
        await other.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await other.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await other.WaitForURLAsync("**/account/log-in/code");
        await other.GetByLabel(TwoFactorText.Code).FillAsync(recoveryCodes[0].ToLowerInvariant());
        await other.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Verify }).ClickAsync();
        await other.WaitForURLAsync("**/account");
        Assert.Equal(200, (await other.GotoAsync("/review"))!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync(ReviewText.QueueTitle);
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_enrol_from_the_admin_and_statistics_pages_and_refused_the_job_dashboard()
    {
        BrowserApp.Speak("fr");
        var (_, email, _) = await app.Api.NewStaffWithoutSecondFactorAsync("Administrator");
        var page = await app.NewPageAsync("fr");
        await page.GotoAsync("/account/log-in");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor");

        // "My account" says why and links here; the administrator's pages lead here and back.
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("main .panel")).ToContainTextAsync(TwoFactorText.AccountRequired);
        foreach (var path in new[] { "/admin", "/admin/staff/new", "/statistics" })
        {
            await page.GotoAsync(path);
            await page.WaitForURLAsync($"**/account/two-factor?returnUrl={Uri.EscapeDataString(path)}");
        }

        var dashboard = await page.Context.APIRequest.GetAsync("/ops/hangfire", new() { MaxRedirects = 0 });
        Assert.Equal(403, dashboard.Status);
        Assert.Contains("two_factor_required", await dashboard.TextAsync(), StringComparison.Ordinal);

        await Journeys.EnrolAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = TwoFactorText.Continue }).ClickAsync();
        await page.WaitForURLAsync("**/statistics");
        Assert.Equal(200, (await page.GotoAsync("/admin"))!.Status);
        Assert.Equal(200, (await page.Context.APIRequest.GetAsync("/ops/hangfire", new() { MaxRedirects = 0 })).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_code_step_without_a_password_first_goes_back_to_the_log_in()
    {
        BrowserApp.Speak("fr");
        var page = await app.NewPageAsync("fr");
        await page.GotoAsync("/account/log-in/code");
        await page.WaitForURLAsync("**/account/log-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiText.LogIn);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$")]
    private static partial Regex KeyByFours();
}
