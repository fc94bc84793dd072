using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Infrastructure;
using Registry.Infrastructure.Persistence;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>The deploy step, as `Registry.Api migrate` runs it, on a database whose owner is called `registry` (as `./run.sh` makes it).</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrating_twice_as_a_user_named_like_the_schema_applies_each_migration_once()
    {
        var server = await PostgresServer.InstanceAsync();
        var database = "registry_twice_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var role = new NpgsqlCommand("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registry') THEN CREATE ROLE registry LOGIN; END IF; END $$", admin);
            await role.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database} OWNER registry", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(database)) { Username = "registry" }.ConnectionString;
        await MigrateAsync(connectionString);
        await MigrateAsync(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var histories = new NpgsqlCommand(
            "SELECT string_agg(table_schema, ',') FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'", connection);
        Assert.Equal("public", await histories.ExecuteScalarAsync());
        await using var applied = new NpgsqlCommand("SELECT count(*) = count(DISTINCT migration_id) AND count(*) > 5 FROM public.\"__EFMigrationsHistory\"", connection);
        Assert.True((bool)(await applied.ExecuteScalarAsync())!);
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Registry"] = connectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools();
    }
}
