using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Infrastructure.Persistence;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// Every migration's Down gives back the schema the migration before it left (a rollback of a deploy is that Down), and
/// Up again gives back the same schema: tables and columns, constraints, indexes, views, triggers and every function's
/// definition, so that a Down restoring a function rewritten since would be seen. The first migration is not undone:
/// its Down, EF's, drops its tables but keeps the schemas and the pg_trgm extension it created.
/// </summary>
public sealed class MigrationRoundTripTests
{
    [Fact]
    public async Task Each_migration_s_Down_restores_the_schema_of_the_one_before_and_Up_again_the_same()
    {
        var server = await PostgresServer.InstanceAsync();
        var database = "registry_round_trip_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = server.ConnectionStringFor(database);
        var migrations = await MigrationsAsync(connectionString);
        Assert.True(migrations.Count > 5);

        // After the i-th migration (0: none).
        var schemas = new List<string> { await SchemaAsync(connectionString) };
        foreach (var migration in migrations)
        {
            await MigrateAsync(connectionString, migration);
            schemas.Add(await SchemaAsync(connectionString));
        }

        // Down to the first migration, not before it: its Down (EF's) keeps the schemas and pg_trgm it created.
        for (var i = migrations.Count - 1; i >= 1; i--)
        {
            await MigrateAsync(connectionString, migrations[i - 1]);
            var schema = await SchemaAsync(connectionString);
            Assert.True(schemas[i] == schema, $"Down of {migrations[i]} left another schema than {migrations[i - 1]}'s:\n"
                + Difference(schemas[i], schema));
        }

        await MigrateAsync(connectionString, migrations[^1]);
        Assert.Equal(schemas[^1], await SchemaAsync(connectionString));
    }

    private static string Difference(string expected, string actual)
    {
        var before = expected.Split('\n').ToHashSet();
        var after = actual.Split('\n').ToHashSet();
        return string.Join('\n', before.Except(after).Select(l => "- " + l).Concat(after.Except(before).Select(l => "+ " + l)));
    }

    /// <summary>The schema as text, one sorted line per object; objects of extensions and the history table left out.</summary>
    private static async Task<string> SchemaAsync(string connectionString)
    {
        const string sql = """
            WITH owned_by_extension AS (SELECT objid FROM pg_depend WHERE deptype = 'e'),
            user_schemas AS (SELECT oid, nspname FROM pg_namespace
                             WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%')
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT 'schema ' || nspname AS line FROM user_schemas
                UNION ALL SELECT 'extension ' || extname FROM pg_extension
                UNION ALL
                SELECT format('column %s.%s.%s %s %s default %s generated %s', c.table_schema, c.table_name, c.column_name,
                              c.data_type, c.is_nullable, c.column_default, c.generation_expression)
                FROM information_schema.columns c JOIN user_schemas s ON s.nspname = c.table_schema
                WHERE c.table_name <> '__EFMigrationsHistory'
                UNION ALL
                SELECT format('relation %s.%s %s', s.nspname, r.relname, r.relkind)
                FROM pg_class r JOIN user_schemas s ON s.oid = r.relnamespace
                WHERE r.relkind IN ('r', 'v', 'm', 'S', 'p') AND r.relname NOT LIKE '__EFMigrationsHistory%' AND r.oid NOT IN (SELECT objid FROM owned_by_extension)
                UNION ALL
                SELECT format('index %s', i.indexdef) FROM pg_indexes i JOIN user_schemas s ON s.nspname = i.schemaname
                WHERE i.tablename <> '__EFMigrationsHistory'
                UNION ALL
                SELECT format('constraint %s on %s: %s', k.conname, k.conrelid::regclass, pg_get_constraintdef(k.oid))
                FROM pg_constraint k JOIN user_schemas s ON s.oid = k.connamespace
                WHERE k.conrelid::regclass::text NOT LIKE '%__EFMigrationsHistory%'
                UNION ALL
                SELECT format('trigger %s', pg_get_triggerdef(t.oid)) FROM pg_trigger t WHERE NOT t.tgisinternal
                UNION ALL
                SELECT format('view %s.%s: %s', v.schemaname, v.viewname, v.definition) FROM pg_views v JOIN user_schemas s ON s.nspname = v.schemaname
                UNION ALL
                SELECT format('materialized view %s.%s: %s', v.schemaname, v.matviewname, v.definition) FROM pg_matviews v
                UNION ALL
                SELECT format('function %s', pg_get_functiondef(p.oid))
                FROM pg_proc p JOIN user_schemas s ON s.oid = p.pronamespace
                WHERE p.prokind IN ('f', 'p') AND p.oid NOT IN (SELECT objid FROM owned_by_extension)
            ) AS schema_lines
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var schema = await command.ExecuteScalarAsync();
        return schema as string ?? "";
    }

    private static async Task<List<string>> MigrationsAsync(string connectionString)
    {
        await using var scope = await ScopeAsync(connectionString);
        return [.. scope.Db.Database.GetMigrations()];
    }

    private static async Task MigrateAsync(string connectionString, string target)
    {
        await using (var scope = await ScopeAsync(connectionString))
        {
            await scope.Db.GetService<IMigrator>().MigrateAsync(target);
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static Task<ContextScope> ScopeAsync(string connectionString)
    {
        var services = new ServiceCollection();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        services.AddDbContext<RegistryDbContext>(o => o
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly("Registry.Migrations"))
            .UseSnakeCaseNamingConvention());
        var provider = services.BuildServiceProvider();
        var scope = provider.CreateAsyncScope();
        return Task.FromResult(new ContextScope(dataSource, provider, scope));
    }

    private sealed class ContextScope(NpgsqlDataSource dataSource, ServiceProvider provider, AsyncServiceScope scope) : IAsyncDisposable
    {
        public RegistryDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await provider.DisposeAsync();
            await dataSource.DisposeAsync();
        }
    }
}
