using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Accounts;

/// <summary>The language kept on an account (a user claim), and Identity's errors in the request's language.</summary>
public sealed class AccountLanguageTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task The_language_kept_on_an_account_is_one_claim_that_the_last_choice_replaces()
    {
        var (_, email) = await api.NewApplicantWithEmailAsync();
        Assert.Null(await InScopeAsync(users => users.GetLanguageAsync(users.FindByEmailAsync(email).Result!)));

        await InScopeAsync(async users => { await users.SetLanguageAsync((await users.FindByEmailAsync(email))!, "fr"); return 0; });
        Assert.Equal("fr", await InScopeAsync(async users => await users.GetLanguageAsync((await users.FindByEmailAsync(email))!)));

        await InScopeAsync(async users => { await users.SetLanguageAsync((await users.FindByEmailAsync(email))!, "ar"); return 0; });
        await InScopeAsync(async users => { await users.SetLanguageAsync((await users.FindByEmailAsync(email))!, "ar"); return 0; });
        Assert.Equal("ar", await InScopeAsync(async users => await users.GetLanguageAsync((await users.FindByEmailAsync(email))!)));
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM identity.user_claims c JOIN identity.users u ON u.id = c.user_id WHERE u.email = $1 AND c.claim_type = $2",
            email, RegistryClaims.Language));
    }

    [Fact]
    public async Task An_API_request_without_Accept_Language_speaks_the_language_kept_on_the_account()
    {
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "08");
        await InScopeAsync(async users => { await users.SetLanguageAsync((await users.FindByEmailAsync(email))!, "ar"); return 0; });
        using var official = await api.SignInAsync(email); // the token carries the account's language

        var unnamed = await (await official.GetAsync("/api/v1/review/applications?cursor=forged")).ReadJsonAsync();
        Assert.Contains("هذا المؤشر لا يعود إلى هذه القائمة.", Texts(unnamed));

        using var french = new HttpRequestMessage(HttpMethod.Get, "/api/v1/review/applications?cursor=forged");
        french.Headers.AcceptLanguage.ParseAdd("fr");
        var named = await (await official.SendAsync(french)).ReadJsonAsync();
        Assert.Contains("Ce curseur ne vient pas de cette liste.", Texts(named));
    }

    [Theory]
    [InlineData("fr", "Le mot de passe doit compter au moins 12 caractères.", "Un compte existe déjà avec cette adresse e-mail.")]
    [InlineData("ar", "يجب أن تتكون كلمة المرور من 12 أحرف على الأقل.", "يوجد حساب بهذا البريد الإلكتروني.")]
    public async Task Register_problems_are_in_the_Accept_Language(string language, string tooShort, string duplicate)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var weak = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"weak-{Guid.NewGuid():N}@registry.test", password = "Sh0rt!" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var errors = (await weak.ReadJsonAsync())["errors"]!;
        Assert.Equal(tooShort, (string?)errors["PasswordTooShort"]![0]);

        var (_, taken) = await api.NewApplicantWithEmailAsync();
        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = taken, password = RegistryApiFactory.Password });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(duplicate, (string?)(await again.ReadJsonAsync())["errors"]!["DuplicateEmail"]![0]);
    }

    /// <summary>Every string of a JSON document, wherever it sits.</summary>
    private static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => Texts(p.Value))],
        JsonArray a => [.. a.SelectMany(Texts)],
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private async Task<T> InScopeAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }
}
