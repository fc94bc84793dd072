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
    [InlineData("fr", "Le mot de passe doit compter au moins 12 caractères.", "Un compte existe déjà avec cette adresse e-mail.", "Requête invalide", "Un ou plusieurs champs ne sont pas valides.")]
    [InlineData("ar", "يجب أن تتكون كلمة المرور من 12 أحرف على الأقل.", "يوجد حساب بهذا البريد الإلكتروني.", "طلب غير صالح", "حقل واحد أو أكثر غير صالح.")]
    public async Task Register_problems_are_in_the_Accept_Language_keyed_by_the_body_s_fields(string language, string tooShort, string duplicate, string title, string detail)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var weak = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"weak-{Guid.NewGuid():N}@registry.test", password = "Sh0rt!" });
        var weakProblem = await Contract.ErrorContractTests.AssertProblem(weak, HttpStatusCode.BadRequest);
        Assert.Equal(["password"], weakProblem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(tooShort, weakProblem["errors"]!["password"]!.AsArray().Select(m => (string?)m));
        Assert.Contains("PasswordTooShort", weakProblem["codes"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(title, (string?)weakProblem["title"]);
        Assert.Equal(detail, (string?)weakProblem["detail"]);

        var (_, taken) = await api.NewApplicantWithEmailAsync();
        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = taken, password = RegistryApiFactory.Password });
        var takenProblem = await Contract.ErrorContractTests.AssertProblem(again, HttpStatusCode.BadRequest);
        Assert.Equal(["email"], takenProblem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal([duplicate], takenProblem["errors"]!["email"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["DuplicateEmail", "DuplicateUserName"], takenProblem["codes"]!.AsArray().Select(c => (string?)c).Order());
        Assert.Equal(title, (string?)takenProblem["title"]);

        var invalid = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-address", password = RegistryApiFactory.Password });
        var invalidProblem = await Contract.ErrorContractTests.AssertProblem(invalid, HttpStatusCode.BadRequest);
        Assert.Equal(["email"], invalidProblem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(title, (string?)invalidProblem["title"]);
    }

    [Theory]
    [InlineData("fr", "L'adresse e-mail ou le mot de passe est incorrect.", "Authentification requise")]
    [InlineData("ar", "البريد الإلكتروني أو كلمة المرور غير صحيحة.", "المصادقة مطلوبة")]
    public async Task A_refused_log_in_says_why_in_the_Accept_Language_and_keeps_Identity_s_outcome_as_its_code(string language, string detail, string title)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@registry.test", password = "Wrong-Password-1!" });

        var problem = await Contract.ErrorContractTests.AssertProblem(refused, HttpStatusCode.Unauthorized);
        Assert.Equal(detail, (string?)problem["detail"]);
        Assert.Equal(title, (string?)problem["title"]);
        Assert.Equal("Failed", (string?)problem["code"]);
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
