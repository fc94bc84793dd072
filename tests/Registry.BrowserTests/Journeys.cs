using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>Steps that several journeys take, as a person would in the browser.</summary>
public static partial class Journeys
{
    /// <summary>
    /// Logs in through the log-in page and waits for the account page. An official or administrator gives the code of
    /// their authenticator key (<paramref name="authenticatorKey"/>, else the tests' <see cref="TestTotp.KeyFor"/> of the
    /// e-mail, which <see cref="RegistryApiFactory.SignInAsync"/> enrols with); one who has not enrolled yet (made on the
    /// administrator's page, say) enrols on the page it is sent to, with the key that page shows.
    /// </summary>
    public static async Task LogInAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/account/log-in");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await page.WaitForURLAsync(AfterPassword());
        if (page.Url.Contains("/account/log-in/code", StringComparison.Ordinal))
        {
            await page.GetByLabel(TwoFactorText.Code).FillAsync(TestTotp.Code(authenticatorKey ?? TestTotp.KeyFor(email)));
            await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Verify }).ClickAsync();
            await page.WaitForURLAsync(AfterPassword());
        }

        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await EnrolAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = TwoFactorText.Continue }).ClickAsync();
        }

        await page.WaitForURLAsync("**/account");
    }

    /// <summary>On the enrolment page: types the code of the key it shows, and returns that key once 2FA is on.</summary>
    public static async Task<string> EnrolAsync(IPage page)
    {
        var key = (await page.Locator(".authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel(TwoFactorText.Code).FillAsync(TestTotp.Code(key));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = TwoFactorText.Enable }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(TwoFactorText.EnabledTitle);
        return key;
    }

    [GeneratedRegex(@"/account(/log-in/code|/two-factor)?(\?.*)?$")]
    private static partial Regex AfterPassword();
}
