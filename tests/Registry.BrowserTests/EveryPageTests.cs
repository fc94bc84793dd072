using Microsoft.Playwright;
using Registry.IntegrationTests.Infrastructure;
using Registry.Web.Pages.Account.Organisations;

namespace Registry.BrowserTests;

/// <summary>
/// Every page, as the person it is for opens it on a first visit: the strict Content-Security-Policy, no script nor inline
/// style, under 300 KB (<see cref="LightPages"/>). One list: a new page is one more line in <see cref="Pages"/>.
/// The data made here is in Béni Mellal-Khénifra (05, Arabic) and Marrakech-Safi (07, French), as the owner's journey's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserApp app)
{
    private enum Who
    {
        Anyone,
        Applicant,
        Official,
        Analyst,
        Administrator,

        /// <summary>An official whose password was right, at the code step (Identity's two-factor cookie, five minutes).</summary>
        OfficialAtCodeStep,

        /// <summary>An official who has not enrolled in two-factor authentication yet.</summary>
        OfficialNotEnrolled,
    }

    /// <summary>The pages and who opens them; <paramref name="d"/> holds what the addresses name.</summary>
    private static IEnumerable<(Who Who, string Path)> Pages(Data d) =>
    [
        (Who.Anyone, "/"),
        (Who.Anyone, "/organisations"),
        (Who.Anyone, $"/organisations?q=argan"),
        (Who.Anyone, $"/organisations/{d.Seeded}"),
        (Who.Anyone, "/verify"),
        (Who.Anyone, "/account/log-in"),
        (Who.Anyone, "/account/sign-up"),
        (Who.OfficialAtCodeStep, "/account/log-in/code"),
        (Who.OfficialNotEnrolled, "/account/two-factor"),
        (Who.Applicant, "/account"),
        (Who.Applicant, $"/account/applications/{d.Draft}"),
        (Who.Applicant, "/apply/name"),
        (Who.Applicant, "/apply/new/organisation"),
        (Who.Applicant, $"/apply/{d.Draft}/organisation"),
        (Who.Applicant, $"/apply/{d.Draft}/seat"),
        (Who.Applicant, $"/apply/{d.Draft}/members"),
        (Who.Applicant, $"/apply/{d.Draft}/management"),
        (Who.Applicant, $"/apply/{d.Draft}/documents"),
        (Who.Applicant, $"/apply/{d.Draft}/review"),
        (Who.Applicant, "/account/organisations"),
        (Who.Applicant, $"/account/organisations/{d.Organisation}"),
        .. OrganisationModel.TopicsFor(Registry.Domain.Reference.LegalForm.COOP)
            .Select(t => (Who.Applicant, $"/account/organisations/{d.Organisation}/declare/{t.Slug}")),
        (Who.Official, "/review"),
        (Who.Official, "/review/findings"),
        (Who.Analyst, "/statistics"),
        (Who.Administrator, "/admin"),
        (Who.Administrator, "/admin/staff/new"),
        (Who.Administrator, $"/admin/staff/{d.OfficialId}/regions"),
        (Who.Administrator, $"/admin/staff/{d.OfficialId}/two-factor"),
    ];

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task Every_page_keeps_the_content_security_policy_and_weighs_less_than_300_KB_on_first_load(string language)
    {
        BrowserApp.Speak(language);
        var (region, province) = language == "ar" ? ("05", "091") : ("07", "351");
        var (owner, applicant) = await app.Api.NewApplicantWithEmailAsync();
        var (officialClient, official) = await app.Api.NewStaffWithEmailAsync("RegionalOfficial", region);
        var organisation = await officialClient.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: province)));
        var draft = await owner.DraftAsync(Samples.Cooperative(province: province));
        var (_, analyst) = await app.Api.NewStaffWithEmailAsync("MinistryAnalyst");
        var data = new Data(app.SeededNumber, organisation, draft, await app.Api.UserIdAsync(official));

        var sessions = new Dictionary<Who, string>
        {
            [Who.Anyone] = await SessionAsync(language, null),
            [Who.Applicant] = await SessionAsync(language, applicant),
            [Who.Official] = await SessionAsync(language, official),
            [Who.Analyst] = await SessionAsync(language, analyst),
            [Who.Administrator] = await SessionAsync(language, RegistryApiFactory.AdminEmail),
            [Who.OfficialAtCodeStep] = await SessionAsync(language, official, stopAtCode: true),
            [Who.OfficialNotEnrolled] = await SessionAsync(language, (await app.Api.NewStaffWithoutSecondFactorAsync("RegionalOfficial", region)).Email, stopAtCode: true),
        };

        foreach (var (who, path) in Pages(data))
        {
            await LightPages.AssertAsync(app, sessions[who], language, path);
        }
    }

    /// <summary>
    /// The cookies of a browser that chose <paramref name="language"/> and, unless null, logged in as <paramref name="email"/>
    /// (with <paramref name="stopAtCode"/>, the password only: at the code step, or sent to enrol).
    /// </summary>
    private async Task<string> SessionAsync(string language, string? email, bool stopAtCode = false)
    {
        var page = await app.NewPageAsync(language);
        if (email is not null && stopAtCode)
        {
            await page.GotoAsync("/account/log-in");
            await page.GetByLabel(Registry.Web.Localization.UiText.Email).FillAsync(email);
            await page.GetByLabel(Registry.Web.Localization.UiText.Password).FillAsync(RegistryApiFactory.Password);
            await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = Registry.Web.Localization.UiText.LogIn }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/(log-in/code|two-factor)$"));
        }
        else if (email is not null)
        {
            await Journeys.LogInAsync(page, email);
        }

        var session = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return session;
    }

    private sealed record Data(string Seeded, string Organisation, string Draft, Guid OfficialId);
}
