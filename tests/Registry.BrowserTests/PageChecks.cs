using System.Text.Json;
using Microsoft.Playwright;

namespace Registry.BrowserTests;

/// <summary>What every page must pass: axe-core finds no serious or critical violation; a screenshot is kept.</summary>
public static class PageChecks
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(BrowserApp.ProjectDirectory, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing at {path}: run `npm ci` in tests/Registry.BrowserTests (.ci/run does).");
    });

    public static string ScreenshotDirectory
    {
        get
        {
            var root = Path.GetFullPath(Path.Combine(BrowserApp.ProjectDirectory, "..", ".."));
            var directory = Path.Combine(root, "TestResults", "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>
    /// Injects axe-core by evaluation (the pages' CSP forbids any inline script, so a script tag would be
    /// refused) and returns the serious and critical violations, one line each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Checks a page as the tests leave it: accessible, and saved for people to look at.</summary>
    public static async Task CheckAsync(IPage page, string screenshotName)
    {
        await ScreenshotAsync(page, screenshotName);
        await AssertAccessibleAsync(page);
    }
}
