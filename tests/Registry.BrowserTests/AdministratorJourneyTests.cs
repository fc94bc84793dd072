using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Localization;

namespace Registry.BrowserTests;

/// <summary>
/// The administrator's pages: staff accounts with their roles and regions, a new official for two regions who can then
/// review, an official's regions changed, the job dashboard behind the same cookie; nobody else gets any of it.
/// The officials made here cover Béni Mellal-Khénifra (05) and Marrakech-Safi (07); no organisation is created.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task The_administrator_creates_an_official_for_two_regions_who_then_logs_in_and_reviews(string language)
    {
        BrowserApp.Speak(language);
        var email = $"official-{language}-{Guid.NewGuid():N}@example.ma";
        var page = await app.NewPageAsync(language);
        await Journeys.LogInAsync(page, RegistryApiFactory.AdminEmail);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = AdminText.NavLink }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(AdminText.Title);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = AdminText.JobDashboard })).ToHaveAttributeAsync("href", "/ops/hangfire");
        await Assertions.Expect(page.Locator($".staff tr[data-email='{RegistryApiFactory.AdminEmail}'] .staff-role")).ToHaveTextAsync(UiText.Role("Administrator"));
        await PageChecks.CheckAsync(page, $"admin-staff-{language}");

        await page.GetByRole(AriaRole.Link, new() { Name = AdminText.CreateStaff }).ClickAsync();
        await page.WaitForURLAsync("**/admin/staff/new");
        await PageChecks.CheckAsync(page, $"admin-create-{language}");

        // An official without a region, and a weak password: each refused on its field, in the page's language.
        await page.GetByLabel(UiText.Email).FillAsync(email);
        await page.GetByLabel(UiText.Password).FillAsync("short");
        await page.GetByLabel(UiText.Role("RegionalOfficial")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = AdminText.Create }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#region-01']")).ToHaveTextAsync(AdminText.ChooseRegion);
        await Assertions.Expect(page.Locator(".error-summary a[href='#password']")).ToHaveTextAsync(new Infrastructure.Identity.LocalizedIdentityErrorDescriber().PasswordTooShort(12).Description);
        await Assertions.Expect(page.GetByLabel(UiText.Email)).ToHaveValueAsync(email);
        await PageChecks.CheckAsync(page, $"admin-create-errors-{language}");
        Assert.Equal(0L, await app.Api.ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = $1", email));

        await page.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await page.Locator("#region-05").CheckAsync();
        await page.Locator("#region-07").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = AdminText.Create }).ClickAsync();

        // Post-Redirect-Get: the list says what was created, and lists it with its two regions.
        await page.WaitForURLAsync(new Regex(@"/admin\?created="));
        await Assertions.Expect(page.Locator(".staff-result .changed-email")).ToHaveTextAsync(email);
        var row = await FindStaffRowAsync(page, email);
        await Assertions.Expect(row.Locator(".staff-role")).ToHaveTextAsync(UiText.Role("RegionalOfficial"));
        await Assertions.Expect(row.Locator(".staff-regions")).ToHaveTextAsync(
            language == "ar" ? "بني ملال-خنيفرة، مراكش-آسفي" : "Béni Mellal-Khénifra, Marrakech-Safi");
        await PageChecks.CheckAsync(page, $"admin-created-{language}");
        Assert.Equal("{05,07}", await app.Api.ScalarAsync<string>("SELECT region_codes::text FROM identity.users WHERE email = $1", email));

        // The new official logs in and reviews their regions.
        var official = await app.NewPageAsync(language);
        await Journeys.LogInAsync(official, email);
        await official.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = ReviewText.Review }).ClickAsync();
        await official.WaitForURLAsync("**/review");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync(ReviewText.QueueTitle);
        Assert.Equal(403, (await official.GotoAsync("/admin"))!.Status);
        await official.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_resets_an_officials_lost_second_factor_and_the_official_is_sent_to_enrol_again()
    {
        BrowserApp.Speak("fr");
        var (_, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "05");
        var official = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(official, email);
        Assert.Equal(200, (await official.GotoAsync("/review"))!.Status);

        var page = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(page, RegistryApiFactory.AdminEmail);
        await page.GotoAsync("/admin");
        var row = await FindStaffRowAsync(page, email);
        await row.GetByRole(AriaRole.Link, new() { Name = AdminText.ResetTwoFactor + " " + email }).ClickAsync();
        await page.WaitForURLAsync("**/admin/staff/*/two-factor");
        await PageChecks.CheckAsync(page, "admin-two-factor-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = AdminText.ResetTwoFactorConfirm }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin\?reset="));
        await Assertions.Expect(page.Locator(".staff-result h2")).ToHaveTextAsync(AdminText.TwoFactorWasReset);
        Assert.Equal(1L, await app.Api.ScalarAsync<long>(
            """
            SELECT count(*) FROM registry.audit_entries a JOIN identity.users u ON a.changes->>'userId' = u.id::text
            WHERE a.action = 'staff.two-factor-reset' AND u.email = $1 AND a.actor_role = 'Administrator'
            """,
            email));

        // The official's open session has ended: the review sends to the log-in; after the password, to enrolment.
        await official.GotoAsync("/review");
        await official.WaitForURLAsync(new Regex("/account/log-in"));
        await official.GetByLabel(UiText.Email).FillAsync(email);
        await official.GetByLabel(UiText.Password).FillAsync(RegistryApiFactory.Password);
        await official.Locator("main").GetByRole(AriaRole.Button, new() { Name = UiText.LogIn }).ClickAsync();
        await official.WaitForURLAsync("**/account/two-factor**");
        await official.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_changes_an_officials_regions_and_the_change_is_audited()
    {
        BrowserApp.Speak("fr");
        var (_, email) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "05");
        var page = await app.NewPageAsync("fr");
        await Journeys.LogInAsync(page, RegistryApiFactory.AdminEmail);
        await page.GotoAsync("/admin");
        var row = await FindStaffRowAsync(page, email);
        await row.GetByRole(AriaRole.Link, new() { Name = AdminText.ChangeRegions + " " + email }).ClickAsync();
        await page.WaitForURLAsync("**/admin/staff/*/regions");
        await Assertions.Expect(page.Locator("#region-05")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "admin-regions-fr");

        // None left: refused on the field.
        await page.Locator("#region-05").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = AdminText.Save }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#region-01']")).ToHaveTextAsync(AdminText.ChooseRegion);

        await page.Locator("#region-07").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = AdminText.Save }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin\?saved="));
        await Assertions.Expect(page.Locator(".staff-result h2")).ToHaveTextAsync(AdminText.RegionsSaved);
        await Assertions.Expect(page.Locator(".staff-result")).ToContainTextAsync("Marrakech-Safi");
        Assert.Equal("{07}", await app.Api.ScalarAsync<string>("SELECT region_codes::text FROM identity.users WHERE email = $1", email));
        Assert.Equal(1L, await app.Api.ScalarAsync<long>(
            """
            SELECT count(*) FROM registry.audit_entries a JOIN identity.users u ON a.changes->>'userId' = u.id::text
            WHERE a.action = 'staff.regions-changed' AND u.email = $1 AND a.actor_role = 'Administrator' AND a.changes->'regionCodes' = '["07"]'::jsonb
            """,
            email));

        // An analyst's account has no regions to change: the not-found page.
        var (_, analystEmail) = await app.Api.NewStaffWithEmailAsync("MinistryAnalyst");
        var analystId = await app.Api.ScalarAsync<Guid>("SELECT id FROM identity.users WHERE email = $1", analystEmail);
        Assert.Equal(404, (await page.GotoAsync($"/admin/staff/{analystId}/regions"))!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_job_dashboard_opens_with_the_administrators_web_cookie_and_no_one_elses()
    {
        var page = await app.NewPageAsync("fr");
        var anonymous = await page.Context.APIRequest.GetAsync("/ops/hangfire", new() { MaxRedirects = 0 });
        Assert.Equal(401, anonymous.Status);

        await Journeys.LogInAsync(page, RegistryApiFactory.AdminEmail);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord des tâches (Hangfire)" }).ClickAsync();
        await page.WaitForURLAsync("**/ops/hangfire");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Hangfire");
        Assert.Equal(200, (await page.Context.APIRequest.GetAsync("/ops/hangfire/recurring")).Status);

        // The cookie now opens the dashboard: its commands still need the anti-forgery token a forged post lacks.
        var forged = await page.Context.APIRequest.PostAsync("/ops/hangfire/recurring/trigger", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Append("jobs[]", "compliance:evaluate-all"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, forged.Status);
        Assert.Equal(0L, await app.Api.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ComplianceSweepJob%'"));

        // With the token the dashboard's own page carries, the same command goes through: the refusal above was the token's.
        await page.GotoAsync("/ops/hangfire/recurring");
        var header = await page.Locator("meta[name='csrf-header']").GetAttributeAsync("content");
        var token = await page.Locator("meta[name='csrf-token']").GetAttributeAsync("content");
        var triggered = await page.Context.APIRequest.PostAsync("/ops/hangfire/recurring/trigger", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Append("jobs[]", "compliance:evaluate-all"),
            Headers = new Dictionary<string, string> { [header!] = token! },
            MaxRedirects = 0,
        });
        Assert.Equal(204, triggered.Status);
        Assert.Equal(1L, await app.Api.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ComplianceSweepJob%'"));
        await page.Context.CloseAsync();

        var (_, officialEmail) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", "05");
        var (_, applicantEmail) = await app.Api.NewApplicantWithEmailAsync();
        foreach (var email in new[] { officialEmail, applicantEmail })
        {
            var other = await app.NewPageAsync("fr");
            await Journeys.LogInAsync(other, email);
            var refused = await other.Context.APIRequest.GetAsync("/ops/hangfire", new() { MaxRedirects = 0 });
            Assert.Equal(403, refused.Status);
            await other.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("RegionalOfficial")]
    [InlineData("MinistryAnalyst")]
    [InlineData("Applicant")]
    public async Task Anyone_but_an_administrator_is_refused_the_admin_pages_and_sees_no_link(string role)
    {
        BrowserApp.Speak("ar");
        var email = role == "Applicant"
            ? (await app.Api.NewApplicantWithEmailAsync()).Email
            : (await app.Api.NewStaffWithEmailAsync(role, role == "RegionalOfficial" ? ["07"] : [])).Email;
        var userId = await app.Api.ScalarAsync<Guid>("SELECT id FROM identity.users WHERE email = $1", email);
        var page = await app.NewPageAsync("ar");
        await Journeys.LogInAsync(page, email);

        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = AdminText.NavLink }).CountAsync());
        foreach (var path in new[] { "/admin", "/admin/staff/new", $"/admin/staff/{userId}/regions" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(ReviewText.ForbiddenTitle);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(RegistryApiFactory.AdminEmail);
        }

        await PageChecks.CheckAsync(page, $"admin-forbidden-{role}-ar");

        // A post with this session's own anti-forgery token still creates nothing.
        var token = await page.Locator("form input[name='__rvt']").First.GetAttributeAsync("value");
        var forgedEmail = $"forged-{Guid.NewGuid():N}@example.ma";
        var forged = await page.Context.APIRequest.PostAsync("/admin/staff/new", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Append("__rvt", token!).Append("email", forgedEmail)
                .Append("password", RegistryApiFactory.Password).Append("role", "Administrator"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, forged.Status);
        Assert.Equal(0L, await app.Api.ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = $1", forgedEmail));
        Assert.True(await app.Api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE actor_id = $1 AND action = 'access.forbidden' AND outcome = 'Refused'", userId) >= 4);
        await page.Context.CloseAsync();

        var anonymous = await app.NewPageAsync("ar");
        await anonymous.GotoAsync("/admin");
        Assert.Contains("/account/log-in", anonymous.Url, StringComparison.Ordinal);
        await anonymous.Context.CloseAsync();
    }

    /// <summary>The staff list is a page of accounts by e-mail: follows its "next page" links to the account's row.</summary>
    private static async Task<ILocator> FindStaffRowAsync(IPage page, string email)
    {
        var row = page.Locator($".staff tr[data-email='{email}']");
        for (var pages = 0; pages < 50 && await row.CountAsync() == 0; pages++)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = UiText.NextPage }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row;
    }
}
