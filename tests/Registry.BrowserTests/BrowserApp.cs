using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Hosting;

namespace Registry.BrowserTests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>
/// The real service on a real port (Kestrel), on its own migrated PostgreSQL database, with one registered
/// organisation approved through the API, and Debian's chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SeededNameLatin = "Coopérative Argane Al Baraka";
    public const string SeededNameArabic = "تعاونية البركة للأركان";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly KestrelApiFactory _factory = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public string SeededNumber { get; private set; } = "";

    /// <summary>A second registered organisation, an association in the same region, so the search has two pages of one.</summary>
    public string OtherNumber { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public RegistryApiFactory Api => _factory;

    public static string ProjectDirectory => typeof(BrowserApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ChromiumPath}, which is missing: install it with `apt-get install -y chromium` (.ci/run does).");
        }

        await _factory.InitializeAsync();
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        var owner = await _factory.NewApplicantAsync();
        var official = await _factory.NewStaffAsync("RegionalOfficial", "06");
        var application = await owner.SubmittedAsync(Samples.Cooperative(nameLatin: SeededNameLatin, nameAr: SeededNameArabic));
        SeededNumber = await official.ApproveAsync(application);
        OtherNumber = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Association()));

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>
    /// A browser context with patient time-outs: the tests share two cores with the server, PostgreSQL and the
    /// build, and a page that takes more than Playwright's default 30 s under that load is slow, not broken.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>A fresh browser (no cookies) showing pages in <paramref name="language"/>, chosen with the page's own switch.</summary>
    public async Task<IPage> NewPageAsync(string language)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (language == "fr")
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();

            // The switch comes back to the same address, so waiting for the URL could match the page it left and
            // then wait for a load event already past; the new page's own language is what says it has arrived.
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr", new() { Timeout = 90_000 });
        }

        return page;
    }

    /// <summary>Sets the test thread's culture so UiText gives the words the page shows in that language.</summary>
    public static void Speak(string language)
    {
        CultureInfo.CurrentUICulture = Languages.For(language);
        CultureInfo.CurrentCulture = Languages.For(language);
    }

    private sealed class KestrelApiFactory : RegistryApiFactory
    {
        public KestrelApiFactory() => UseKestrel(0);

        protected override void ConfigureMore(IWebHostBuilder builder) =>
            builder.UseSetting("Registry:Web:SearchPageSize", "1").UseSetting("Registry:Web:ReviewPageSize", "1");
    }
}
