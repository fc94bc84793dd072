using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The applicant's journey with the keyboard alone — Tab, typing, arrow keys and Enter, no mouse — from logging in
/// to reserving a name and opening the application's first step; every control reached shows where the focus is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task An_applicant_logs_in_and_reserves_a_name_with_the_keyboard_alone_seeing_the_focus_at_every_step(string language)
    {
        BrowserApp.Speak(language);
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        var name = Samples.UniqueLatin("Coopérative Clavier");
        var page = await app.NewPageAsync(language);
        await page.GotoAsync("/account/log-in");

        await TabToAsync(page, page.GetByLabel(UiText.Email));
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, page.GetByLabel(UiText.Password));
        await page.Keyboard.TypeAsync(RegistryApiFactory.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account");

        await TabToAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = ApplyText.ReserveLink }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/apply/name**");

        var form = page.GetByLabel(UiText.LegalForm);
        await TabToAsync(page, form);
        for (var i = 0; i < 6 && await form.InputValueAsync() != "COOP"; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Equal("COOP", await form.InputValueAsync());
        await TabToAsync(page, page.Locator("#nameLatin"));
        await page.Keyboard.TypeAsync(name);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = ApplyText.ReserveButton }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".reservation-result")).ToContainTextAsync(name);

        await TabToAsync(page, page.Locator(".reservation-result").GetByRole(AriaRole.Link, new() { Name = ApplyText.StartButton }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/apply/new/organisation?reservation=*");
        await Assertions.Expect(page.GetByLabel(UiText.LegalForm)).ToHaveValueAsync("COOP");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 80 times), and checks the focus is visible on it.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        var element = await target.ElementHandleAsync();
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("e => document.activeElement === e", element))
            {
                var visible = await element.EvaluateAsync<bool>(
                    """
                    e => { const s = getComputedStyle(e);
                           return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                               || s.backgroundColor === 'rgb(255, 221, 0)'; }
                    """);
                Assert.True(visible, $"no visible focus on {await element.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)")}");
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target} on {page.Url}");
    }
}
