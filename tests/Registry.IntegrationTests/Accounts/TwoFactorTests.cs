using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Cli;
using Registry.Cli.Accounts;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Accounts;

/// <summary>
/// Two-factor authentication (issue 7, point 1): officials and administrators are served only after a sign-in with
/// the code of their authenticator app; without it they may sign in and enrol through Identity's endpoints, nothing
/// else. Applicants and ministry analysts need none.
/// </summary>
public sealed class TwoFactorTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private const string Review = "/api/v1/review/applications";

    [Fact]
    public async Task An_official_without_two_factor_is_refused_then_enrols_through_the_api_and_with_a_code_is_served()
    {
        var (client, email, tokens) = await api.NewStaffWithoutSecondFactorAsync("RegionalOfficial", "06");

        var refused = await client.GetAsync(Review);
        await AssertSecondFactorRequiredAsync(refused);
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE actor_id = $1 AND outcome = 'Refused' AND reason LIKE '%two-factor%'", await api.UserIdAsync(email)));

        // Enrolment is what such a sign-in allows: the account's information and Identity's 2FA endpoint.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/manage/info")).StatusCode);
        var started = await (await client.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { })).ReadJsonAsync();
        Assert.False(started["isTwoFactorEnabled"]!.GetValue<bool>());
        var key = started["sharedKey"]!.GetValue<string>();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { enable = true, twoFactorCode = TestTotp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await client.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { enable = true, twoFactorCode = TestTotp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var body = await enabled.ReadJsonAsync();
        Assert.True(body["isTwoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(10, body["recoveryCodes"]!.AsArray().Count);

        // Enabling changed the security stamp: the password-only sign-in has ended, its token and its refresh token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Review)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/manage/info")).StatusCode);
        var refreshed = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);

        // From now on the password alone is not enough; with the code the official is served.
        var withoutCode = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("RequiresTwoFactor", (await withoutCode.ReadJsonAsync())["code"]!.GetValue<string>());
        using var official = await SignInWithCodeAsync(email, TestTotp.Code(key));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync(Review)).StatusCode);

        // A recovery code is accepted once.
        var recovery = body["recoveryCodes"]![0]!.GetValue<string>();
        using var recovered = await SignInWithCodeAsync(email, recoveryCode: recovery);
        Assert.Equal(HttpStatusCode.OK, (await recovered.GetAsync(Review)).StatusCode);
        var again = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password, twoFactorRecoveryCode = recovery });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_refused_the_admin_endpoints_statistics_and_job_dashboard_until_enrolled()
    {
        var (client, email, _) = await api.NewStaffWithoutSecondFactorAsync("Administrator");
        string[] paths = ["/api/v1/admin/audit/verify", "/api/v1/statistics/organizations", "/ops/hangfire"];
        foreach (var path in paths)
        {
            await AssertSecondFactorRequiredAsync(await client.GetAsync(path), path);
        }

        var created = await client.PostAsJsonAsync("/api/v1/admin/users",
            new { email = $"x-{Guid.NewGuid():N}@registry.test", password = RegistryApiFactory.Password, role = "MinistryAnalyst", regionCodes = Array.Empty<string>() });
        await AssertSecondFactorRequiredAsync(created);

        using var enrolled = await api.SignInAsync(email);
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await enrolled.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_refusal_is_in_the_requests_language()
    {
        var (client, _, _) = await api.NewStaffWithoutSecondFactorAsync("RegionalOfficial", "06");
        using var request = new HttpRequestMessage(HttpMethod.Get, Review);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ar"));
        var refused = await client.SendAsync(request);
        await AssertSecondFactorRequiredAsync(refused);
        Assert.Contains("المصادقة الثنائية", (await refused.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_counts_towards_the_lockout()
    {
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "06");
        var key = TestTotp.KeyFor(email);
        var anonymous = api.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password, twoFactorCode = TestTotp.WrongCode(key) });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            if (attempt == 1)
            {
                Assert.Equal(1, await api.ScalarAsync<int>("SELECT access_failed_count FROM identity.users WHERE email = $1", email));
            }
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password, twoFactorCode = TestTotp.Code(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("LockedOut", (await locked.ReadJsonAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_code_signs_in_again_within_its_step_so_the_helpers_need_not_wait()
    {
        // What Identity does, tried: its authenticator provider keeps no record of used codes (±2 steps are accepted).
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "06");
        var code = TestTotp.Code(TestTotp.KeyFor(email));
        using var first = await SignInWithCodeAsync(email, code);
        using var second = await SignInWithCodeAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Review)).StatusCode);
    }

    [Fact]
    public async Task A_refreshed_token_of_a_two_factor_session_still_works()
    {
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "06");
        var tokens = await LogInAsync(email, TestTotp.Code(TestTotp.KeyFor(email)));

        var refreshed = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await refreshed.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Review)).StatusCode);
    }

    [Fact]
    public async Task Applicants_and_ministry_analysts_need_no_second_factor()
    {
        var (applicant, _) = await api.NewApplicantWithEmailAsync();
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/api/v1/name-reservations")).StatusCode);

        var (analyst, analystEmail, _) = await api.NewStaffWithoutSecondFactorAsync("MinistryAnalyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/statistics/organizations")).StatusCode);
        Assert.Null(await api.EnrolSecondFactorAsync(analystEmail));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_two_factor_is_turned_off_a_refresh_no_longer_reaches_the_staff_endpoints(bool resetSharedKey)
    {
        var (_, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "06");
        var tokens = await LogInAsync(email, TestTotp.Code(TestTotp.KeyFor(email)));
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Review)).StatusCode);

        var off = await client.PostAsJsonAsync("/api/v1/auth/manage/2fa", resetSharedKey ? new { resetSharedKey = true } : (object)new { enable = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.ReadJsonAsync())["isTwoFactorEnabled"]!.GetValue<bool>());

        // Turning it off changed the security stamp: the session's refresh token is refused...
        var refreshed = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        // ...and a new sign-in, now by password alone, is refused the staff endpoints.
        var (again, _) = await api.SignInWithPasswordOnlyAsync(email);
        await AssertSecondFactorRequiredAsync(await again.GetAsync(Review));
    }

    [Fact]
    public async Task The_cli_computes_the_codes_of_rfc_6238()
    {
        // RFC 6238, appendix B (SHA-1, the key "12345678901234567890"): the last six of its eight digits.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("005924", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
        Assert.Equal("279037", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(2000000000)));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.ToBase32("12345678901234567890"u8.ToArray()));

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["totp", "REGI STRY DEMO TWOF ACTO RKEY MORO CCOA"], output, error, CancellationToken.None));
        Assert.Matches(@"^\d{6}$", output.ToString().Trim());
        Assert.Equal(64, await CliApp.RunAsync(["totp", "not-base-32!"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_the_sessions_old_key_and_recovery_codes_end_and_the_official_enrols_again()
    {
        var (official, email) = await api.NewStaffWithEmailAsync("RegionalOfficial", "06");
        var oldKey = TestTotp.KeyFor(email);
        var id = await api.UserIdAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync(Review)).StatusCode);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Registry.Infrastructure.Identity.ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.Equal(3, (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 3))!.Count());
        }

        var reset = $"/api/v1/admin/users/{id}/two-factor/reset";

        // Only an administrator may; an unknown or an applicant's account is not found.
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync(reset, null)).StatusCode);
        using var admin = await api.SignInAsync(RegistryApiFactory.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/two-factor/reset", null)).StatusCode);
        var (_, applicantEmail) = await api.NewApplicantWithEmailAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/users/{await api.UserIdAsync(applicantEmail)}/two-factor/reset", null)).StatusCode);

        var answer = await admin.PostAsync(reset, null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(email, (await answer.ReadJsonAsync())["email"]!.GetValue<string>());
        Assert.Equal(1L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.audit_entries WHERE action = 'staff.two-factor-reset' AND outcome = 'Succeeded' AND actor_role = 'Administrator' AND changes->>'userId' = $1",
            id.ToString()));

        // The official's session has ended; with the password alone they are in, but may only enrol.
        Assert.Equal(HttpStatusCode.Unauthorized, (await official.GetAsync(Review)).StatusCode);
        var (again, _) = await api.SignInWithPasswordOnlyAsync(email);
        await AssertSecondFactorRequiredAsync(await again.GetAsync(Review));
        var enrolment = await (await again.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { })).ReadJsonAsync();
        var newKey = enrolment["sharedKey"]!.GetValue<string>();
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(0, enrolment["recoveryCodesLeft"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await again.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { enable = true, twoFactorCode = TestTotp.Code(oldKey) })).StatusCode);
        var enabled = await again.PostAsJsonAsync("/api/v1/auth/manage/2fa", new { enable = true, twoFactorCode = TestTotp.Code(newKey) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, (await enabled.ReadJsonAsync())["recoveryCodes"]!.AsArray().Count);
        using var enrolled = await SignInWithCodeAsync(email, TestTotp.Code(newKey));
        Assert.Equal(HttpStatusCode.OK, (await enrolled.GetAsync(Review)).StatusCode);
    }

    private async Task<RegistryApiFactory.AccessTokenResponse> LogInAsync(string email, string code)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>())!;
    }

    private async Task<HttpClient> SignInWithCodeAsync(string email, string? code = null, string? recoveryCode = null)
    {
        var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email, password = RegistryApiFactory.Password, twoFactorCode = code, twoFactorRecoveryCode = recoveryCode });
        Assert.True(response.IsSuccessStatusCode, $"log-in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var tokens = await response.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        return client;
    }

    private static async Task AssertSecondFactorRequiredAsync(HttpResponseMessage response, string? what = null)
    {
        Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Equal("two_factor_required", problem["code"]!.GetValue<string>());
        Assert.Contains("/api/v1/auth/manage/2fa", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
