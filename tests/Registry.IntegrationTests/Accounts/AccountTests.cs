using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Accounts;

public sealed class AccountTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task An_applicant_signs_up_logs_in_and_refreshes_a_bearer_token()
    {
        var client = api.CreateClient();
        var email = $"new-{Guid.NewGuid():N}@registry.test";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = RegistryApiFactory.Password })).StatusCode);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password });
        var tokens = await login.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens!.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var fresh = await refreshed.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();

        // A new account is an applicant: it may draft, not review.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh!.AccessToken);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/applications", Samples.Cooperative())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/review/applications")).StatusCode);
    }

    [Fact]
    public async Task Registrations_of_one_e_mail_at_once_make_one_account_and_the_others_get_the_400_of_a_taken_e_mail()
    {
        const int Racers = 8;
        using var client = api.CreateClient();
        var taken = $"taken-{Guid.NewGuid():N}@registry.test";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = taken, password = RegistryApiFactory.Password })).StatusCode);
        var sequential = await Contract.ErrorContractTests.AssertProblem(
            await client.PostAsJsonAsync("/api/v1/auth/register", new { email = taken, password = RegistryApiFactory.Password }), HttpStatusCode.BadRequest);

        // Rounds, since two racers pass Identity's duplicate check together only when their queries interleave.
        for (var round = 0; round < 3; round++)
        {
            var email = $"race-{Guid.NewGuid():N}@registry.test";
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, Racers).Select(async _ =>
            {
                await start.WaitAsync();
                return await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = RegistryApiFactory.Password });
            }).ToList();
            start.Release(Racers);
            var responses = await Task.WhenAll(racers);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var problem = await Contract.ErrorContractTests.AssertProblem(refused, HttpStatusCode.BadRequest);
                Assert.Equal(["email"], problem["errors"]!.AsObject().Select(e => e.Key));
                Assert.Equal(sequential["errors"]!.ToJsonString(), problem["errors"]!.ToJsonString());
                Assert.Equal(sequential["codes"]!.ToJsonString(), problem["codes"]!.ToJsonString());
            }

            Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = $1", email));
        }
    }

    [Fact]
    public async Task A_wrong_password_is_401_problem_details()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = RegistryApiFactory.AdminEmail, password = "Wrong-Password-1!" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("x", "y")]
    [InlineData("' OR 1=1 --", "Y29kZQ")]
    [InlineData("00000000-0000-0000-0000-000000000000", "Y29kZQ")]
    public async Task Confirming_an_e_mail_for_a_user_id_that_is_not_an_account_is_401_as_for_an_unknown_user(string userId, string code)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/auth/confirmEmail?userId={Uri.EscapeDataString(userId)}&code={code}");
        await Contract.ErrorContractTests.AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration()
    {
        var admin = await api.SignInAsync(RegistryApiFactory.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/ops/hangfire")).StatusCode);
    }

    [Fact]
    public async Task An_official_acts_only_in_the_regions_an_administrator_gave_them()
    {
        var applicant = await api.NewApplicantAsync();
        var twoRegions = await api.NewStaffAsync("RegionalOfficial", "06", "09");
        var rabat = await applicant.SubmittedAsync(Samples.Cooperative(province: "421"));
        var agadir = await applicant.SubmittedAsync(Samples.Cooperative(province: "001"));

        Assert.Equal(HttpStatusCode.OK, (await twoRegions.GetAsync($"/api/v1/applications/{agadir}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await twoRegions.GetAsync($"/api/v1/applications/{rabat}")).StatusCode);
    }

    [Fact]
    public async Task Another_API_instance_accepts_the_tokens_of_the_first()
    {
        var applicant = await api.NewApplicantAsync();
        var id = await applicant.DraftAsync();
        using var second = api.AnotherInstance();
        await second.InitializeAsync();
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = applicant.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM identity.data_protection_keys"));
    }
}
