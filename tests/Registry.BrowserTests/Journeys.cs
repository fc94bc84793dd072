using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>Steps that several journeys take, as a person would in the browser.</summary>
public static class Journeys
{
    /// <summary>Logs in through the log-in page and waits for the account page.</summary>
    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/log-in");
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await page.WaitForURLAsync("**/account");
    }
}
