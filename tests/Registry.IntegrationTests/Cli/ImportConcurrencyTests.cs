using System.Globalization;
using Npgsql;
using Registry.Cli;
using Registry.Cli.Common;
using Registry.Cli.Generation;
using Registry.Cli.Import;
using Registry.Infrastructure.Persistence;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.Cli.ImportCommandTests;

namespace Registry.IntegrationTests.Cli;

/// <summary>Imports and the generator at the same time, on a database of their own (the numbers they give are checked).</summary>
public sealed class ImportConcurrencyTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("registry-import-race-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Two_imports_of_one_file_at_once_load_it_once_and_the_later_finds_it_already_present()
    {
        var lines = new List<string> { Header };
        foreach (var key in new[] { "RACE-1", "RACE-2", "RACE-3" })
        {
            for (var k = 1; k <= 5; k++)
            {
                lines.Add(Coop(key, "", $"JR{key[^1]}0000{k}"));
            }
        }

        lines.Add(Coop("RACE-BAD", "", "JR900001", province: "999"));
        var file = Path.Combine(_directory, "race.csv");
        await File.WriteAllLinesAsync(file, lines);

        // Both imports number from the COOP-09-2019 counter: its row, locked here, holds them both inside their
        // transactions until each has gone as far as it can, so that they overlap however the machine schedules them.
        await using var holder = await api.OpenConnectionAsync();
        await ExecuteAsync(holder, "INSERT INTO registry.registration_sequences VALUES ('COOP', '09', 2019, 1) ON CONFLICT DO NOTHING");
        var counter = await api.ScalarAsync<int>("SELECT last_value FROM registry.registration_sequences WHERE (legal_form, region_code, year) = ('COOP', '09', 2019)");
        await using var hold = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, "SELECT 1 FROM registry.registration_sequences WHERE (legal_form, region_code, year) = ('COOP', '09', 2019) FOR UPDATE");
        var reports = new[] { Path.Combine(_directory, "race-1.csv"), Path.Combine(_directory, "race-2.csv") };
        var imports = reports.Select(report => Task.Run(() => CliAsync("import", "organizations", file, "--report", report))).ToArray();

        await WaitForLockWaitsAsync(2, imports);
        await hold.RollbackAsync();
        var results = await Task.WhenAll(imports);

        // Each ends as it would alone: exit 2 (a row was rejected), no error, the same report.
        Assert.All(results, r => Assert.Equal((2, ""), (r.Exit, r.Error)));
        Assert.Equal(await File.ReadAllTextAsync(reports[0]), await File.ReadAllTextAsync(reports[1]));
        Assert.Contains("RACE-BAD,province_code '999'", await File.ReadAllTextAsync(reports[0]), StringComparison.Ordinal);
        var loader = Assert.Single(results, r => r.Output.Contains("imported 3 organisations (15 members, 0 officers); 0 already present", StringComparison.Ordinal));
        var later = Assert.Single(results, r => r.Output.Contains("imported 0 organisations (0 members, 0 officers); 3 already present (unchanged)", StringComparison.Ordinal));
        Assert.DoesNotContain("waiting", loader.Output, StringComparison.Ordinal);
        Assert.Contains("waiting: an import or a generate run is loading organisations", later.Output, StringComparison.Ordinal);

        // Loaded once, numbered once.
        Assert.Equal(3L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin LIKE 'Coopérative Import RACE-%'"));
        Assert.Equal(3L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE decision_note LIKE '%(source key RACE-%'"));
        Assert.Equal(15L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.organization_members m JOIN registry.organizations o ON o.id = m.organization_id WHERE o.name_latin LIKE 'Coopérative Import RACE-%'"));
        Assert.Equal(counter + 3, await api.ScalarAsync<int>("SELECT last_value FROM registry.registration_sequences WHERE (legal_form, region_code, year) = ('COOP', '09', 2019)"));
    }

    [Fact]
    public async Task The_generator_waits_for_an_import_in_progress_then_loads()
    {
        await using var importing = await api.OpenConnectionAsync();
        await using var transaction = await importing.BeginTransactionAsync();
        await BulkLoadLock.HoldForTransactionAsync(importing, transaction, TextWriter.Null, CancellationToken.None);
        var organizations = await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations");
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        var generate = Task.Run(() => new GenerateCommand(api.ConnectionString, TextWriter.Synchronized(output)).RunAsync(
            new GenerateOptions(Organizations: 10, MembersPerOrganization: 5, Seed: 5, Indexes: IndexMode.Staging), CancellationToken.None));

        await WaitForLockWaitsAsync(1, generate);
        Assert.Equal(organizations, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations"));
        Assert.StartsWith("waiting: an import or a generate run", output.ToString(), StringComparison.Ordinal);

        await transaction.CommitAsync();
        var generated = await generate;

        Assert.Equal(10, generated.Organizations);
        Assert.Equal(organizations + 10, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations"));
    }

    [Fact]
    public async Task A_cooperatives_name_being_reserved_makes_the_import_wait_then_the_reservation_is_seen_and_the_cooperative_rejected()
    {
        // A reservation in progress, as ReserveName makes one: the names lock taken shared and the name's lock
        // (NameRegister.LockAsync), the name found free, the reservation written, not yet committed.
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("LOCKED-NAME", "", $"JL10000{k}").Replace("Coopérative Import LOCKED-NAME", "Coopérative Lock Race Tafraout", StringComparison.Ordinal));
            lines.Add(Coop("FREE-NAME", "", $"JL20000{k}"));
        }

        var file = Path.Combine(_directory, "locked-name.csv");
        await File.WriteAllLinesAsync(file, lines);
        await using var reserving = await api.OpenConnectionAsync();
        await using var reservation = await reserving.BeginTransactionAsync();
        await ExecuteAsync(reserving, FormattableString.Invariant($"SELECT pg_advisory_xact_lock_shared({NameLocks.AllNames})"));
        await ExecuteAsync(reserving, "SELECT pg_advisory_xact_lock(hashtextextended('name:' || 'lock race tafraout', 0))");
        await ExecuteAsync(reserving, """
            INSERT INTO registry.name_reservations (id, holder_id, legal_form, name_ar, name_latin, normalized_ar, normalized_latin, reserved_at, expires_at, renewed)
            VALUES (gen_random_uuid(), gen_random_uuid(), 'COOP', NULL, 'Coopérative Lock Race Tafraout', '', 'lock race tafraout', now(), now() + interval '60 days', false)
            """);
        var report = Path.Combine(_directory, "locked-name-rejected.csv");
        var import = Task.Run(() => CliAsync("import", "organizations", file, "--report", report));

        // The import waits for the names lock. Without it, it read the reservations before this one was committed and
        // loaded a cooperative under a name reserved for another (it waited only later, to write a word of the name).
        await WaitForLockWaitsAsync(1, import);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'"));
        await reservation.CommitAsync();
        var (exit, output, error) = await import;

        Assert.Equal((2, ""), (exit, error));
        Assert.Contains("imported 1 organisations (5 members, 0 officers)", output, StringComparison.Ordinal);
        Assert.Contains("LOCKED-NAME,\"name_latin is a name reserved by an applicant (normalised: lock race tafraout; a live reservation", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE normalized_name_latin = 'lock race tafraout'"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations WHERE name_latin = 'Coopérative Import FREE-NAME'"));
    }

    [Fact]
    public async Task A_reservation_of_a_name_the_import_is_loading_waits_for_it_then_finds_the_cooperative()
    {
        var lines = new List<string> { Header };
        for (var k = 1; k <= 5; k++)
        {
            lines.Add(Coop("LOADING-NAME", "", $"JL30000{k}").Replace("Coopérative Import LOADING-NAME", "Coopérative Lock Loading Tiznit", StringComparison.Ordinal));
            lines.Add(Coop($"LOADING-OTHER-{k}", "", $"JL40000{k}"));
        }

        var file = Path.Combine(_directory, "loading-name.csv");
        await File.WriteAllLinesAsync(file, lines);

        // The import is held after its checks, at the registration counter (as an approval would hold it), its name locks taken.
        await using var holder = await api.OpenConnectionAsync();
        await ExecuteAsync(holder, "INSERT INTO registry.registration_sequences VALUES ('COOP', '09', 2019, 1) ON CONFLICT DO NOTHING");
        await using var hold = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, "SELECT 1 FROM registry.registration_sequences WHERE (legal_form, region_code, year) = ('COOP', '09', 2019) FOR UPDATE");
        var import = Task.Run(() => CliAsync("import", "organizations", file));
        await WaitForLockWaitsAsync(1, import);

        // Two advisory locks, whatever the number of names: the bulk load's and the names lock (a lock per name took a
        // slot of the server's shared lock table each, and a national file exhausted it).
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));

        // A reservation of the same name now waits for the import (ReserveName: the lock, then the check).
        var applicant = await api.NewApplicantAsync();
        var reserve = Task.Run(() => System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(applicant,
            "/api/v1/name-reservations", new { legalForm = "COOP", nameLatin = "COOPERATIVE LOCK-LOADING TIZNIT" }));
        await WaitForLockWaitsAsync(2, import, reserve);
        await hold.RollbackAsync();

        Assert.Equal(0, (await import).Exit);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await reserve).StatusCode);
    }

    /// <summary>Until <paramref name="sessions"/> sessions of this database wait for a lock; a task that ends first fails the test.</summary>
    private async Task WaitForLockWaitsAsync(int sessions, params Task[] running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < sessions)
        {
            if (running.FirstOrDefault(t => t.IsCompleted) is { } ended)
            {
                await ended;
                Assert.Fail("a command ended before waiting for the lock");
            }

            Assert.True(DateTime.UtcNow < deadline, $"fewer than {sessions} sessions waiting for a lock after 60 s");
            await Task.Delay(50);
        }
    }

    private async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync([.. args, "--connection", api.ConnectionString], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
