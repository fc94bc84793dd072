using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Security;

/// <summary>Identity's password policy and lockout, as configured in Registry:Identity (appsettings.json).</summary>
public sealed class PasswordAndLockoutTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Theory]
    [InlineData("Abcdef-123!", "PasswordTooShort")] // 11 characters of every kind
    [InlineData("Aa1!Aa1!Aa1!Aa1!", "PasswordRequiresUniqueChars")] // 16 characters, 4 different ones
    [InlineData("abcdefgh-1234", "PasswordRequiresUpper")]
    [InlineData("Abcdefghijklm1", "PasswordRequiresNonAlphanumeric")]
    public async Task A_password_outside_the_policy_is_refused_at_sign_up(string password, string code)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = $"weak-{Guid.NewGuid():N}@registry.test", password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem["errors"]?["password"] is not null, $"password expected in {problem.ToJsonString()}");
        Assert.Contains(code, problem["codes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Twelve_characters_of_every_kind_are_enough()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = $"ok-{Guid.NewGuid():N}@registry.test", password = "Abcdef-1234!" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Five_failed_log_ins_lock_the_account_for_15_minutes_even_with_the_right_password()
    {
        var (_, email) = await api.NewApplicantWithEmailAsync();
        var client = api.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"Wrong-Password-{attempt}!" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = RegistryApiFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var lockedProblem = await locked.ReadJsonAsync();
        Assert.Equal("LockedOut", (string?)lockedProblem["code"]);
        Assert.Equal("Trop de tentatives : le compte est bloqué quelques minutes. Réessayez plus tard.", (string?)lockedProblem["detail"]);
        var minutes = await api.ScalarAsync<double>(
            "SELECT extract(epoch FROM lockout_end - now())::float8 / 60 FROM identity.users WHERE email = $1", email);
        Assert.InRange(minutes, 14, 15.5);
    }

    [Fact]
    public void The_policy_is_the_configured_one()
    {
        var options = api.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(12, options.Password.RequiredLength);
        Assert.Equal(6, options.Password.RequiredUniqueChars);
        Assert.True(options.Password.RequireDigit && options.Password.RequireLowercase && options.Password.RequireUppercase && options.Password.RequireNonAlphanumeric);
        Assert.True(options.Lockout.AllowedForNewUsers);
        Assert.Equal(5, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Lockout.DefaultLockoutTimeSpan);
    }
}

/// <summary>An operator's stricter policy in configuration wins over the defaults.</summary>
public sealed class StricterPasswordFactory : RegistryApiFactory
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Registry:Identity:Password:RequiredLength", "16");
        builder.UseSetting("Registry:Identity:Lockout:MaxFailedAccessAttempts", "3");
    }
}

public sealed class ConfiguredPasswordPolicyTests(StricterPasswordFactory api) : IClassFixture<StricterPasswordFactory>
{
    [Fact]
    public async Task A_longer_minimum_in_configuration_refuses_a_password_of_12()
    {
        var options = api.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(3, options.Lockout.MaxFailedAccessAttempts);

        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = $"ok-{Guid.NewGuid():N}@registry.test", password = "Abcdef-1234!" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.NotNull(problem["errors"]?["password"]);
        Assert.Contains("PasswordTooShort", problem["codes"]!.AsArray().Select(c => (string?)c));
    }
}
