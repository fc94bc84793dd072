using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Registry.IntegrationTests.Infrastructure;
using Registry.Infrastructure.Seeding;

namespace Registry.IntegrationTests.Accounts;

/// <summary>
/// What the README promises a newcomer after <c>./run.sh</c> (Development, demo data): the demo official and
/// administrator sign in with the demo password and a code of the documented key; the analyst needs no code.
/// </summary>
public sealed class DemoTwoFactorTests(DemoTwoFactorTests.DevelopmentFactory api) : IClassFixture<DemoTwoFactorTests.DevelopmentFactory>
{
    [Theory]
    [InlineData("official.casablanca@registry.local", "/api/v1/review/applications")]
    [InlineData("admin@registry.local", "/api/v1/admin/audit/verify")]
    public async Task A_demo_staff_member_signs_in_with_a_code_of_the_documented_key(string email, string path)
    {
        var client = api.CreateClient();
        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = BootstrapSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);

        var code = TestTotp.Code("REGISTRYDEMOTWOFACTORKEYMOROCCOA");
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = BootstrapSeeder.DemoPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = await login.Content.ReadFromJsonAsync<RegistryApiFactory.AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_demo_analyst_signs_in_with_the_password_alone()
    {
        var login = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "analyst@registry.local", password = BootstrapSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    /// <summary>The service as <c>./run.sh</c> starts it: Development, with the demo data.</summary>
    public sealed class DevelopmentFactory : RegistryApiFactory
    {
        protected override void ConfigureMore(IWebHostBuilder builder) =>
            builder.UseEnvironment("Development").UseSetting("Registry:SeedDemoData", "true");
    }
}
