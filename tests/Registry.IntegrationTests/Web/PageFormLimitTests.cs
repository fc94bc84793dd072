using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Web;

/// <summary>
/// The pages' forms with as many rows as the API takes: a list of more than MVC's default 1,024 rows was a 500 from the
/// model binder, though the members' form is sized for the API's 5,000 members.
/// </summary>
public sealed partial class PageFormLimitTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task A_cooperative_of_1100_members_is_saved_through_the_members_page()
    {
        var (bearer, email) = await api.NewApplicantWithEmailAsync();
        var draft = await bearer.DraftAsync();
        using var pages = await SignInToPagesAsync(email);
        var path = $"/apply/{draft}/members";
        var form = Hidden(await pages.GetStringAsync(path));
        for (var i = 0; i < 1_100; i++)
        {
            var row = $"members[{i}].";
            form.AddRange(
            [
                new(row + "kind", "NaturalPerson"), new(row + "fullNameLatin", $"Membre {i}"), new(row + "cin", $"AB{100_000 + i}"),
                new(row + "birthDate", "1985-04-02"), new(row + "gender", i % 2 == 0 ? "Female" : "Male"), new(row + "nationality", "MA"),
                new(row + "sharesSubscribed", "10"), new(row + "sharesPaid", "5"),
            ]);
        }

        form.Add(new("action", "save"));
        var response = await pages.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1_100, await api.ScalarAsync<long>("SELECT count(*) FROM registry.application_members WHERE registration_application_id = $1", Guid.Parse(draft)));
    }

    [Fact]
    public async Task A_declaration_form_with_1100_officer_rows_is_answered_with_the_page_not_a_500()
    {
        var number = await api.Actors.OrganizationAsync();
        var email = await OwnerEmailAsync(number);
        using var pages = await SignInToPagesAsync(email);
        var path = $"/account/organisations/{number}/declare/management-change";
        var form = Hidden(await pages.GetStringAsync(path));
        form.Add(new("effective-on", "2026-01-01"));
        for (var i = 0; i < 1_100; i++)
        {
            form.Add(new($"officers[{i}].role", "Manager"));
        }

        var before = await api.ScalarAsync<long>("SELECT count(*) FROM registry.declarations");
        var response = await pages.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM registry.declarations"));
    }

    private async Task<string> OwnerEmailAsync(string number) => (await api.ScalarAsync<string>(
        "SELECT u.email FROM identity.users u JOIN registry.organizations o ON o.owner_id = u.id WHERE o.registration_number = $1", number))!;

    /// <summary>A client holding the pages' cookie of the account, as a browser that logged in would.</summary>
    private async Task<HttpClient> SignInToPagesAsync(string email)
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email, password = RegistryApiFactory.Password });
        login.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The anti-forgery token and the draft's version (once: every form of the page carries the token).</summary>
    private static List<KeyValuePair<string, string>> Hidden(string html) =>
        [.. HiddenField().Matches(html).Where(m => m.Groups["name"].Value is "__rvt" or "version").Select(m => KeyValuePair.Create(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))).DistinctBy(f => f.Key)];

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
