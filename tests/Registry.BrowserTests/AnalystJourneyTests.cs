using System.Net.Http.Json;
using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The analyst's dashboard: charts and the tables behind them count what was registered, filters narrow them, each
/// table downloads as CSV with the same numbers; nobody but analysts and administrators sees it.
/// </summary>
/// <remarks>
/// The organisations made here are the only ones in Tanger-Tétouan-Al Hoceïma (01) and Souss-Massa (09): the other
/// browser tests register theirs in Casablanca-Settat (06). They are made once for both languages.
/// </remarks>
[Collection(BrowserCollection.Name)]
public sealed class AnalystJourneyTests(BrowserApp app)
{
    private const int MaxPageBytes = 300 * 1024;

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _registered;

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_dashboard_counts_the_registered_organisations_and_a_filter_narrows_them(string language)
    {
        await RegisterOrganisationsAsync();
        BrowserApp.Speak(language);
        var page = await NewAnalystPageAsync(language);

        var response = await page.GotoAsync("/statistics");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(StatisticsText.Title);
        // Two cooperatives of five members (two women each) in 01; an association and a mutual of two (one woman each) in 09.
        await ExpectRowAsync(page, "table-region", "01", 2, 10, 4, 0.4, 1);
        await ExpectRowAsync(page, "table-region", "09", 2, 4, 2, 0.5, 1);
        await Assertions.Expect(page.Locator("#table-compliance tr[data-code='09'] td").Last).ToHaveTextAsync(StatisticsText.Percent(1));
        // Each chart comes first, with its text alternative, and its table right under it.
        foreach (var name in new[] { "months", "region", "compliance", "legalForm", "sector" })
        {
            var chart = page.Locator($"#table-{name}").Locator("xpath=preceding-sibling::*[1]");
            await Assertions.Expect(chart.Locator("svg[role='img']")).ToHaveCountAsync(1);
            await Assertions.Expect(chart.Locator("svg desc")).Not.ToBeEmptyAsync();
        }

        await Assertions.Expect(page.Locator("#chart-region-desc")).ToContainTextAsync(language == "ar" ? "طنجة" : "Tanger");
        await PageChecks.CheckAsync(page, $"statistics-{language}");

        // The filter form, used as a person would: choose the region and show.
        await page.GetByLabel(UiText.Region, new() { Exact = true }).SelectOptionAsync("01");
        await page.GetByRole(AriaRole.Button, new() { Name = StatisticsText.Apply }).ClickAsync();
        await page.WaitForURLAsync("**/statistics?region=01**");
        await Assertions.Expect(page.Locator("#table-region tbody tr")).ToHaveCountAsync(1);
        await ExpectRowAsync(page, "table-region", "01", 2, 10, 4, 0.4, 1);
        await Assertions.Expect(page.Locator("#table-legalForm tbody tr")).ToHaveCountAsync(1);
        await ExpectRowAsync(page, "table-legalForm", "COOP", 2, 10, 4, 0.4, 1);
        await ExpectRowAsync(page, "table-sector", "AGRI", 2, 10, 4, 0.4, 1);
        var thisMonth = await page.Locator("#table-months tbody tr td.num").AllTextContentsAsync();
        Assert.Equal(StatisticsText.Number(2), Assert.Single(thisMonth));
        await PageChecks.CheckAsync(page, $"statistics-filtered-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Each_tables_csv_link_downloads_the_same_numbers(string language)
    {
        await RegisterOrganisationsAsync();
        BrowserApp.Speak(language);
        var page = await NewAnalystPageAsync(language);
        await page.GotoAsync("/statistics?region=09");

        var regions = await DownloadAsync(page, StatisticsText.ByRegionTitle);
        Assert.Equal(
            "region,organizations,members,womenMembers,womenShare,complianceRate\r\n09,2,4,2,0.5,1\r\n", regions);
        var forms = await DownloadAsync(page, StatisticsText.ByFormTitle);
        Assert.Equal(
            "legalForm,organizations,members,womenMembers,womenShare,complianceRate\r\nASSO,1,2,1,0.5,1\r\nMUTU,1,2,1,0.5,1\r\n", forms);
        var months = await DownloadAsync(page, StatisticsText.PerMonthTitle);
        var lines = months.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,registrations", lines[0]);
        Assert.EndsWith(",2", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);

        // The same table from the API's CSV route, with the same cookie: the same text.
        var api = await page.Context.APIRequest.GetAsync("/api/v1/statistics/organizations.csv?groupBy=region&region=09");
        Assert.Equal(regions, await api.TextAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task A_wrong_filter_is_an_error_summary_in_the_pages_language(string language)
    {
        BrowserApp.Speak(language);
        var page = await NewAnalystPageAsync(language);

        var response = await page.GotoAsync("/statistics?region=99&form=NOPE&from=abc&to=1800");

        Assert.Equal(200, response!.Status);
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("a[href='#region']")).ToHaveTextAsync(UiText.ChooseFromList);
        await Assertions.Expect(summary.Locator("a[href='#form']")).ToHaveTextAsync(UiText.ChooseFromList);
        await Assertions.Expect(summary.Locator("a[href='#from']")).ToHaveTextAsync(StatisticsText.EnterYear);
        await Assertions.Expect(summary.Locator("a[href='#to']")).ToHaveTextAsync(StatisticsText.EnterYear);
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("abc");
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);

        await page.GotoAsync("/statistics?from=2026&to=2020");
        await Assertions.Expect(summary.Locator("a[href='#to']")).ToHaveTextAsync(StatisticsText.YearOrder);
        await PageChecks.CheckAsync(page, $"statistics-errors-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_year_range_counts_the_organisations_registered_in_those_years()
    {
        await RegisterOrganisationsAsync();
        BrowserApp.Speak("fr");
        var page = await NewAnalystPageAsync("fr");
        var year = await app.Api.ScalarAsync<int>(
            "SELECT extract(year FROM max(registered_at) AT TIME ZONE 'Africa/Casablanca')::int FROM registry.organizations WHERE region_code = '01'");

        await page.GotoAsync($"/statistics?region=01&from={year - 1}&to={year}");
        await ExpectRowAsync(page, "table-region", "01", 2, 10, 4, 0.4, 1);
        await page.GotoAsync($"/statistics?region=01&from={year - 3}&to={year - 1}");
        await Assertions.Expect(page.Locator("#table-region tbody tr")).ToHaveTextAsync(StatisticsText.NoData);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_applicant_is_refused_sees_no_statistics_link_and_the_refusal_is_audited()
    {
        BrowserApp.Speak("ar");
        var (_, email) = await app.Api.NewApplicantWithEmailAsync();
        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, email);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = StatisticsText.NavLink })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/statistics");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(StatisticsText.NotAllowedTitle);
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
        var csv = await page.Context.APIRequest.GetAsync("/statistics?handler=csv&table=region");
        Assert.Equal(403, csv.Status);
        var refusals = await app.Api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE action = 'access.forbidden' AND reason = 'GET /statistics: role not allowed.' AND actor_role = 'Applicant'");
        Assert.True(refusals >= 2, $"{refusals} refusals recorded");
        await PageChecks.CheckAsync(page, "statistics-refused-ar");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_log_in()
    {
        var page = await app.NewPageAsync("fr");

        await page.GotoAsync("/statistics?region=01");

        Assert.Contains("/account/log-in", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_sees_the_dashboard_from_the_menu()
    {
        BrowserApp.Speak("fr");
        var page = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(page, RegistryApiFactory.AdminEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = StatisticsText.NavLink }).ClickAsync();

        await page.WaitForURLAsync("**/statistics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(StatisticsText.Title);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_dashboard_keeps_the_csp_and_weighs_less_than_300_KB_on_first_load(string language)
    {
        await RegisterOrganisationsAsync();
        // A fresh browser, signed in through the API's cookie log-in: nothing cached before the page loads.
        var email = await NewAnalystAsync();
        var context = await app.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        await context.AddCookiesAsync([new Cookie { Name = "registry.lang", Value = $"c={language}-MA|uic={language}-MA", Url = app.BaseUrl }]);
        var login = await context.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true",
            new() { DataObject = new { email, password = RegistryApiFactory.Password } });
        Assert.True(login.Ok, $"cookie log-in: {login.Status}");
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        var cspViolations = new List<string>();
        page.RequestFinished += (_, request) => requests.Add(request);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/statistics", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script, [style]").CountAsync());
        Assert.Empty(cspViolations);
        long bytes = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        Assert.True(requests.Count >= 2, $"only {requests.Count} responses were measured (the page and its stylesheet at least)");
        Assert.True(bytes < MaxPageBytes, $"/statistics in {language} transferred {bytes} bytes on first load");
        await context.CloseAsync();
    }

    private static async Task ExpectRowAsync(IPage page, string table, string code, long organisations, long members, long women, double share, double compliance)
    {
        var cells = page.Locator($"#{table} tr[data-code='{code}'] td");
        await Assertions.Expect(cells).ToHaveTextAsync([
            StatisticsText.Number(organisations), StatisticsText.Number(members), StatisticsText.Number(women),
            StatisticsText.Percent(share), StatisticsText.Percent(compliance),
        ]);
    }

    private static async Task<string> DownloadAsync(IPage page, string tableTitle)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = StatisticsText.Download(tableTitle), Exact = true }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    /// <summary>Two cooperatives in Tanger-Assilah (01), an association and a mutual in Agadir Ida-Outanane (09), approved by their regions' officials.</summary>
    private async Task RegisterOrganisationsAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_registered)
            {
                return;
            }

            var owner = await app.Api.NewApplicantAsync();
            using var north = await app.Api.NewStaffAsync("RegionalOfficial", "01");
            using var south = await app.Api.NewStaffAsync("RegionalOfficial", "09");
            await north.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "511")));
            await north.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "511")));
            await south.ApproveAsync(await owner.SubmittedAsync(Samples.Association(province: "001")));
            await south.ApproveAsync(await owner.SubmittedAsync(Samples.Mutual(province: "001")));
            _registered = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<string> NewAnalystAsync()
    {
        var (client, email) = await app.Api.NewStaffWithEmailAsync("MinistryAnalyst");
        client.Dispose();
        return email;
    }

    private async Task<IPage> NewAnalystPageAsync(string language)
    {
        var email = await NewAnalystAsync();
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, email);
        return page;
    }

}
