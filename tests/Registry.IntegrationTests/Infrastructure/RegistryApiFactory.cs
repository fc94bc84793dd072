using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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

    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
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

    /// <summary>A staff account made by the administrator, signed in; its e-mail lets a browser log in as it too.</summary>
    public async Task<(HttpClient Client, string Email)> NewStaffWithEmailAsync(string role, params string[] regions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@registry.test";
        using var admin = await SignInAsync(AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = Password, role, regionCodes = regions });
        created.EnsureSuccessStatusCode();
        return (await SignInAsync(email), email);
    }

    public sealed record AccessTokenResponse(string AccessToken, string RefreshToken);
}
