using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Infrastructure.Persistence;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.Audit.AuditChecks;

namespace Registry.IntegrationTests.Audit;

/// <summary>The migration back-fills the chains of entries written before it, as the trigger would have written them.</summary>
public sealed class AuditBackfillTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private const string MigrationBefore = "StatisticsRollup";

    [Fact]
    public async Task Entries_written_before_the_migration_are_chained_by_it_with_the_hashes_the_trigger_gives()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var id = await owner.SubmittedAsync();
        var number = await official.ApproveAsync(id);
        var appended = await api.ChainAsync(Guid.Parse(id));
        var organizationId = await api.ScalarAsync<Guid>("SELECT id FROM registry.organizations WHERE registration_number = $1", number);

        await MigrateAsync(MigrationBefore);
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'registry' AND table_name = 'audit_entries' AND column_name LIKE 'chain%'"));
        // Written before the chain existed: an entry naming only the organisation, and one about no subject.
        await using (var connection = await api.OpenConnectionAsync())
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO registry.audit_entries (occurred_at, actor_role, action, outcome, organization_id, reason)
                VALUES (now(), 'RegionalOfficial', 'organization.status-changed', 'Succeeded', $1, 'Avant la chaîne'),
                       (now(), 'Administrator', 'staff.regions-changed', 'Succeeded', NULL, NULL)
                """, connection) { Parameters = { new() { Value = organizationId } } };
            await insert.ExecuteNonQueryAsync();
        }

        await MigrateAsync(null);

        var chain = await api.ChainAsync(Guid.Parse(id));
        AssertLinked(chain);
        Assert.Equal(appended.Count + 1, chain.Count);
        Assert.Equal(appended.Select(e => Hex(e.EntryHash)), chain.Take(appended.Count).Select(e => Hex(e.EntryHash)));
        Assert.Equal("organization.status-changed", chain[^1].Action);
        AssertLinked(await api.ChainAsync(Guid.Empty));
        Assert.True((bool)(await api.VerifyByEndpointAsync())["ok"]!);
    }

    /// <summary>Migrates the test's database to a migration (null: the latest), as the deploy step would.</summary>
    private async Task MigrateAsync(string? target)
    {
        api.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        var services = new ServiceCollection();
        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        services.AddDbContext<RegistryDbContext>(o => o
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly("Registry.Migrations"))
            .UseSnakeCaseNamingConvention());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await db.GetService<IMigrator>().MigrateAsync(target);
        api.Services.GetRequiredService<NpgsqlDataSource>().Clear();
    }
}
