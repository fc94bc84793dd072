using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>The real API on its own fresh, migrated PostgreSQL database; one per test class.</summary>
public class RegistryApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@registry.test";
    public const string Password = "Test-Password-2026!";

    private string? _connectionString;
    private Actors? _actors;

    /// <summary>One signed-in client per actor, shared by the tests of a class (password hashing is slow on purpose).</summary>
    public Actors Actors => _actors ??= new Actors(this);

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    public virtual async Task InitializeAsync() => _connectionString ??= await TestDatabase.CreateAsync();

    /// <summary>The streaming replica that search and statistics read from (<c>ConnectionStrings:RegistryReadReplica</c>), if any.</summary>
    public string? ReadReplicaConnectionString { get; private init; }

    /// <summary>
    /// An API instance on an existing database (a restored backup, say); nothing is created or migrated. With
    /// <paramref name="readReplica"/>, search and statistics read from that replica of it.
    /// </summary>
    public static RegistryApiFactory OnDatabase(string connectionString, string? readReplica = null) =>
        new() { _connectionString = connectionString, ReadReplicaConnectionString = readReplica };

    /// <summary>
    /// Whether this instance runs a Hangfire server (off by default: tests trigger jobs themselves), polling for due
    /// recurring jobs every second.
    /// </summary>
    public bool HangfireServerEnabled { get; init; }

    /// <summary>More configuration for this instance (key → value), applied after the defaults above.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Another API instance on the same database, as behind a load balancer (with a Hangfire server if this one has
    /// one, unless <paramref name="hangfireServer"/> says otherwise; with this one's settings unless others are given).
    /// </summary>
    public RegistryApiFactory AnotherInstance(bool? hangfireServer = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new() { _connectionString = ConnectionString, HangfireServerEnabled = hangfireServer ?? HangfireServerEnabled, Settings = settings ?? Settings };

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Registry", ConnectionString);
        if (ReadReplicaConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:RegistryReadReplica", ReadReplicaConnectionString);
        }

        builder.UseSetting("Hangfire:ServerEnabled", HangfireServerEnabled ? "true" : "false");
        builder.UseSetting("Hangfire:SchedulePollingInterval", "00:00:01");
        builder.UseSetting("Registry:BootstrapAdmin:Email", AdminEmail);
        builder.UseSetting("Registry:BootstrapAdmin:Password", Password);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Fatal");
        // Every test client shares one address: the abuse limits would throttle the suite. RateLimitTests sets small ones.
        foreach (var policy in (string[])["Login", "SignUp", "NameReservation", "Search", "OpenData", "AuditVerification"])
        {
            builder.UseSetting($"Registry:RateLimits:{policy}:PermitLimit", "1000000");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        ConfigureMore(builder);
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
    }

    protected virtual void ConfigureMore(IWebHostBuilder builder)
    {
    }

    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>
    /// Signs in through Identity's API as <paramref name="email"/>. An official or administrator is enrolled in
    /// two-factor authentication first when they are not yet (<see cref="EnrolSecondFactorAsync"/>), and the code of
    /// their authenticator key goes with the password: staff endpoints require it.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var key = await EnrolSecondFactorAsync(email);
        var client = CreateClient();
        var response = key is null
            ? await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })
            : await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode = TestTotp.Code(key) });
        await EnsureSignedInAsync(response, email);
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Signs in with the password alone and never enrols: a staff member without two-factor authentication.</summary>
    public async Task<(HttpClient Client, AccessTokenResponse Tokens)> SignInWithPasswordOnlyAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        await EnsureSignedInAsync(response, email);
        var token = (await response.Content.ReadFromJsonAsync<AccessTokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (client, token);
    }

    private static async Task EnsureSignedInAsync(HttpResponseMessage response, string email)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Signing in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The authenticator key of <paramref name="email"/> when the account signs in with a second factor, turning it on
    /// first (with <see cref="TestTotp.KeyFor"/>, through Identity's UserManager as the enrolment would) for an official
    /// or administrator who has none yet; null for an account that signs in with its password alone.
    /// </summary>
    public async Task<string?> EnrolSecondFactorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return await users.GetAuthenticatorKeyAsync(user);
        }

        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(Roles.RequiringTwoFactor.Contains))
        {
            return null;
        }

        var key = TestTotp.KeyFor(email);
        var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        await store.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException("Enrolling a test account failed: " + string.Join(", ", enabled.Errors.Select(e => e.Code)));
        }

        return key;
    }

    public async Task<HttpClient> NewApplicantAsync() => (await NewApplicantWithEmailAsync()).Client;

    public async Task<(HttpClient Client, string Email)> NewApplicantWithEmailAsync()
    {
        var email = $"applicant-{Guid.NewGuid():N}@registry.test";
        using var anonymous = CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password });
        registered.EnsureSuccessStatusCode();
        return (await SignInAsync(email), email);
    }

    public async Task<HttpClient> NewStaffAsync(string role, params string[] regions) => (await NewStaffWithEmailAsync(role, regions)).Client;

    /// <summary>
    /// A staff account made by the administrator, signed in (an official or administrator with two-factor authentication,
    /// key <see cref="TestTotp.KeyFor"/> of the e-mail); its e-mail lets a browser log in as it too.
    /// </summary>
    public async Task<(HttpClient Client, string Email)> NewStaffWithEmailAsync(string role, params string[] regions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@registry.test";
        using var admin = await SignInAsync(AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = Password, role, regionCodes = regions });
        created.EnsureSuccessStatusCode();
        return (await SignInAsync(email), email);
    }

    /// <summary>A staff account made by the administrator that has not enrolled in two-factor authentication, signed in with its password.</summary>
    public async Task<(HttpClient Client, string Email, AccessTokenResponse Tokens)> NewStaffWithoutSecondFactorAsync(string role, params string[] regions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@registry.test";
        using var admin = await SignInAsync(AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = Password, role, regionCodes = regions });
        created.EnsureSuccessStatusCode();
        var (client, tokens) = await SignInWithPasswordOnlyAsync(email);
        return (client, email, tokens);
    }

    public sealed record AccessTokenResponse(string AccessToken, string RefreshToken);
}
