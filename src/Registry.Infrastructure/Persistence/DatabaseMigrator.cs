using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Registry.Infrastructure.Persistence;

/// <summary>The deploy step: applies EF Core migrations and installs Hangfire's schema. Never run at start-up.</summary>
public sealed class DatabaseMigrator(RegistryDbContext db, NpgsqlDataSource dataSource)
{
    public const string HangfireSchema = "hangfire";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Some migrations compute over every organisation (the statistics rollup): seconds at national scale.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        await db.Database.MigrateAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
    }
}
