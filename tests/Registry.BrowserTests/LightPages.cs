using Microsoft.Playwright;

namespace Registry.BrowserTests;

/// <summary>What a page must be on a first visit: the strict Content-Security-Policy, no script nor inline style, under 300 KB.</summary>
public static class LightPages
{
    private const int MaxPageBytes = 300 * 1024;

    /// <summary>Opens each path in a fresh browser signed in with <paramref name="session"/> (nothing cached) and checks it.</summary>
    public static async Task AssertAsync(BrowserApp app, string session, string language, params string[] paths)
    {
        foreach (var path in paths)
        {
            var context = await app.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, StorageState = session });
            var page = await context.NewPageAsync();
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(message.Text);
                }
            };
            var requests = new List<IRequest>();
            page.RequestFinished += (_, request) => requests.Add(request);

            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            var policy = await response.HeaderValueAsync("content-security-policy");
            Assert.NotNull(policy);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("script, [style]").CountAsync());

            long bytes = 0;
            foreach (var request in requests)
            {
                var sizes = await request.SizesAsync();
                bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            }

            Assert.True(requests.Count >= 2, $"{path}: only {requests.Count} responses were measured");
            Assert.True(bytes < MaxPageBytes, $"{path} in {language} transferred {bytes} bytes on first load");
            Assert.Empty(violations);
            await context.CloseAsync();
        }
    }
}
