using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Application.Users.Commands.SetStaffRegions;
using Registry.Infrastructure.Jobs;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Accounts;

/// <summary>
/// Tokens and cookies stop working when the account's sessions end: log-out, a changed password, new regions, a
/// refresh token presented twice. Identity's own tokens would go on until they expire.
/// </summary>
public sealed partial class SessionTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Logging_out_ends_the_access_token_and_the_refresh_token()
    {
        var (client, tokens) = await NewApplicantAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/manage/info")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var after = await client.GetAsync("/api/v1/auth/manage/info");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_second_use_ends_every_session_of_the_account()
    {
        var (_, tokens) = await NewApplicantAsync();
        using var anonymous = api.CreateClient();

        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var renewed = (await first.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>())!;
        Assert.Equal(HttpStatusCode.OK, (await WithToken(renewed.AccessToken).GetAsync("/api/v1/auth/manage/info")).StatusCode);

        // The same refresh token again: a copy is in someone's hands. Refused, and the renewed session ends too.
        var replayed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("application/problem+json", replayed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("déjà été utilisé", (string)System.Text.Json.Nodes.JsonNode.Parse(await replayed.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(renewed.AccessToken).GetAsync("/api/v1/auth/manage/info")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = renewed.RefreshToken })).StatusCode);

        // The stored fact is a hash, not the token.
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM identity.used_refresh_tokens WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'", tokens.RefreshToken[..20]));
    }

    [Fact]
    public async Task Two_refreshes_with_one_token_at_the_same_moment_give_one_new_session_at_most()
    {
        var (_, tokens) = await NewApplicantAsync();
        using var anonymous = api.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })));

        // One insert of the token's hash wins; the others are replays. The winner may still be refused if a replay
        // ended the account's sessions before Identity checked the winner's stamp: at most one new session.
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.Equal(answers.Length, answers.Count(a => a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.used_refresh_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))", tokens.RefreshToken));
        foreach (var ok in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            // Whichever won, the replays that lost ended the account's sessions, the winner's included.
            var renewed = (await ok.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>())!;
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(renewed.AccessToken).GetAsync("/api/v1/auth/manage/info")).StatusCode);
        }
    }

    [Fact]
    public async Task A_changed_password_ends_the_tokens_issued_before_it()
    {
        var (client, tokens) = await NewApplicantAsync();
        using var other = WithToken(tokens.AccessToken);

        var changed = await client.PostAsJsonAsync("/api/v1/auth/manage/info", new { oldPassword = RegistryApiFactory.Password, newPassword = "Another-Password-2026!" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/auth/manage/info")).StatusCode);
    }

    [Fact]
    public async Task An_official_moved_to_other_regions_cannot_act_on_the_old_one_with_a_token_issued_before()
    {
        using var owner = await api.NewApplicantAsync();
        var id = await owner.SubmittedAsync(); // region 06
        var (official, email) = await api.NewStaffWithEmailAsync(Roles.RegionalOfficial, "06");
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/applications/{id}")).StatusCode);

        var adminId = await api.UserIdAsync(RegistryApiFactory.AdminEmail);
        var officialId = await api.UserIdAsync(email);
        await api.SendAsAsync(adminId, Roles.Administrator, sender => sender.Send(new SetStaffRegions(officialId, ["07"])));

        // The token still says region 06; the account no longer does.
        Assert.Equal(HttpStatusCode.Unauthorized, (await official.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        using var again = await api.SignInAsync(email);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/v1/applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_logging_out_of_the_pages_is_refused_after()
    {
        var email = $"cookie-{Guid.NewGuid():N}@registry.test";
        using var client = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = RegistryApiFactory.Password })).StatusCode);
        var jar = new Dictionary<string, string>();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email, password = RegistryApiFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Keep(jar, login);
        var copy = Header(jar);

        var account = await Send(client, jar, HttpMethod.Get, "/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var token = AntiForgeryToken().Match(await account.Content.ReadAsStringAsync()).Groups[1].Value;
        var logOut = await Send(client, jar, HttpMethod.Post, "/account/log-out", new FormUrlEncodedContent([new("__rvt", token)]));
        Assert.Equal(HttpStatusCode.Redirect, logOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/account");
        replay.Headers.Add("Cookie", copy);
        var replayed = await client.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/log-in", replayed.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var apiReplay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/manage/info");
        apiReplay.Headers.Add("Cookie", copy);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(apiReplay)).StatusCode);
    }

    [Fact]
    public async Task Used_refresh_tokens_are_forgotten_once_they_have_expired()
    {
        var user = await api.UserIdAsync(RegistryApiFactory.AdminEmail);
        var expired = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var live = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        await using (var connection = await api.OpenConnectionAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                """
                INSERT INTO identity.used_refresh_tokens (token_hash, user_id, used_at, expires_at)
                VALUES ($1, $3, now(), now() - interval '1 minute'), ($2, $3, now(), now() + interval '1 day')
                """, connection);
            insert.Parameters.Add(new() { Value = expired });
            insert.Parameters.Add(new() { Value = live });
            insert.Parameters.Add(new() { Value = user });
            await insert.ExecuteNonQueryAsync();
        }

        await using var scope = api.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<PurgeUsedRefreshTokensJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);

        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.used_refresh_tokens WHERE token_hash = $1", expired));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.used_refresh_tokens WHERE token_hash = $1", live));
    }

    private async Task<(HttpClient Client, RegistryApiFactory.AccessTokenResponse Tokens)> NewApplicantAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@registry.test";
        using var anonymous = api.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = RegistryApiFactory.Password })).EnsureSuccessStatusCode();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password });
        login.EnsureSuccessStatusCode();
        var tokens = (await login.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>())!;
        return (WithToken(tokens.AccessToken), tokens);
    }

    private HttpClient WithToken(string accessToken)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, Dictionary<string, string> jar, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", Header(jar));
        var response = await client.SendAsync(request);
        Keep(jar, response);
        return response;
    }

    private static void Keep(Dictionary<string, string> jar, HttpResponseMessage response)
    {
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = setCookie.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    private static string Header(Dictionary<string, string> jar) => string.Join("; ", jar.Where(c => c.Value.Length > 0).Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__rvt\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();
}
