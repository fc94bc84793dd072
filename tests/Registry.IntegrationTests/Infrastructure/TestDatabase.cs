using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Infrastructure.Persistence;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database per test class, copied from a template that the real migrations built once per run.
/// </summary>
public static class TestDatabase
{
    private const string Template = "registry_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    public static async Task<string> CreateAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        await EnsureTemplateAsync(server);
        var name = "registry_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionStringFor(name);
    }

    private static async Task EnsureTemplateAsync(PostgresServer server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
            {
                await connection.OpenAsync();
                await Execute(connection, $"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
                await Execute(connection, $"CREATE DATABASE {Template}");
            }

            await MigrateAsync(server.ConnectionStringFor(Template));
            await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
            {
                await connection.OpenAsync();
                await Execute(connection, $"ALTER DATABASE {Template} ALLOW_CONNECTIONS false");
            }

            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Applies the real migrations to a database, as the deploy step does.</summary>
    public static async Task MigrateAsync(string connectionString)
    {
        var services = new ServiceCollection();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            services.AddSingleton(dataSource);
            services.AddDbContext<RegistryDbContext>(o => o
                .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly("Registry.Migrations"))
                .UseSnakeCaseNamingConvention());
            services.AddScoped<DatabaseMigrator>();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
