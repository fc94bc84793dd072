using Microsoft.Playwright;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>What holds on every page: language and direction, the CSP, accessibility (the weight on first load: <see cref="EveryPageTests"/>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageQualityTests(BrowserApp app)
{
    private static readonly string[] MainPages = ["/", "/organisations", "/verify", "/account/log-in", "/account/sign-up"];

    [Fact]
    public async Task Arabic_is_the_default_right_to_left_and_the_switch_to_French_is_remembered()
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/organisations?q=argan");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.EndsWith("/organisations?q=argan", page.Url);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");

        var later = await context.NewPageAsync();
        await later.GotoAsync("/verify");
        await Assertions.Expect(later.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await later.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(later.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_public_page(string language)
    {
        var page = await app.NewPageAsync(language);
        foreach (var path in MainPages.Append($"/organisations/{app.SeededNumber}").Append("/organisations?q=zzzz").Append("/organisations/COOP-01-2026-999999"))
        {
            await page.GotoAsync(path);
            await PageChecks.AssertAccessibleAsync(page);
        }

        await page.GotoAsync("/account/log-in");
        await PageChecks.ScreenshotAsync(page, $"log-in-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accessibility_check_does_fail_on_a_broken_page()
    {
        var page = await app.NewPageAsync("ar");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\"><img src=\"data:,\">')");

        var violations = await PageChecks.SeriousAccessibilityViolationsAsync(page);

        Assert.Contains(violations, v => v.Contains("label", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("image-alt", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Dates_and_numbers_are_written_for_the_language(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);
        await page.GotoAsync($"/organisations/{app.SeededNumber}");

        var founding = page.Locator(".summary-list div").Filter(new() { HasText = UiText.FoundingDate }).Locator("dd");
        await Assertions.Expect(founding).ToHaveTextAsync(language == "ar" ? "15 يناير 2024" : "15 janvier 2024");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_unsafe_inline_and_break_none_of_it()
    {
        var page = await app.NewPageAsync("ar");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        foreach (var path in MainPages.Append($"/organisations/{app.SeededNumber}"))
        {
            var response = await page.GotoAsync(path);
            var policy = await response!.HeaderValueAsync("content-security-policy");
            Assert.NotNull(policy);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("script, [style]").CountAsync());
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_keyboard_reaches_the_language_switch_and_sees_where_it_is(string language)
    {
        BrowserApp.Speak(language);
        var page = await app.NewPageAsync(language);

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var switcher = page.Locator(".language-switch");
        await Assertions.Expect(switcher).ToBeFocusedAsync();
        var focusBackground = await switcher.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(255, 221, 0)", focusBackground);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language == "ar" ? "fr" : "ar");
        await page.Context.CloseAsync();
    }
}
