using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Registry.Cli.Common;

namespace Registry.Cli.Generation;

internal enum IndexMode
{
    /// <summary>Rebuild for large loads, staging for small ones.</summary>
    Auto,

    /// <summary>Drop the indexes and keys, COPY straight into the tables in parallel, rebuild.</summary>
    Rebuild,

    /// <summary>COPY into unlogged staging tables, then INSERT … SELECT into the indexed tables in one transaction.</summary>
    Staging,
}

internal sealed record GenerateOptions(
    int Organizations = 1_000_000,
    double MembersPerOrganization = 20,
    int Seed = 42,
    DateOnly? Today = null,
    int Workers = 2,
    IndexMode Indexes = IndexMode.Auto,
    string MaintenanceWorkMem = "512MB");

internal sealed record GenerateResult(
    long Organizations, long Members, long WomenMembers, long CoopMembers, long CoopWomenMembers, long WomensCooperatives,
    long Officers, long Declarations, IndexMode Mode, TimeSpan Elapsed);

/// <summary>
/// <c>generate</c>: national-scale synthetic data (SPEC §9) loaded with binary COPY. See docs/cli.md for the
/// distributions and the measured figures.
/// </summary>
internal sealed class GenerateCommand(string connectionString, TextWriter output)
{
    private const string StagingPrefix = "registry.cli_stage_";

    public async Task<GenerateResult> RunAsync(GenerateOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Organizations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Organizations, 8_000_000);
        var total = Stopwatch.StartNew();
        var workers = Math.Max(1, options.Workers);
        await using var dataSource = Database.Open(connectionString, maxPoolSize: workers * 5 + 10);
        await using var control = await dataSource.OpenConnectionAsync(cancellationToken);
        // From the counters and ids read below to the last row written, no import runs (nor another generate).
        await using var bulkLoad = await BulkLoadLock.HoldForSessionAsync(control, output, cancellationToken);

        // 1. Reference data, the counters to continue, the id ranges to use.
        var phase = Stopwatch.StartNew();
        var reference = await ReferenceData.LoadAsync(control, cancellationToken);
        var existingSequences = await ReadSequencesAsync(control, cancellationToken);
        var memberBase = await control.ScalarAsync<long>(
            "SELECT greatest((SELECT coalesce(max(id), 0) FROM registry.organization_members), (SELECT last_value FROM registry.organization_members_id_seq))", cancellationToken);
        var officerBase = await control.ScalarAsync<long>(
            "SELECT greatest((SELECT coalesce(max(id), 0) FROM registry.organization_officers), (SELECT last_value FROM registry.organization_officers_id_seq))", cancellationToken);
        var existingOrganizations = await control.ScalarAsync<long>("SELECT count(*) FROM registry.organizations", cancellationToken);
        var today = options.Today ?? Casablanca.Today(TimeProvider.System);
        // On an empty database the seed alone decides the data; on a filled one the ids already used salt it, so
        // generating twice with one seed appends new organisations instead of colliding with the first run's ids.
        var seed = (ulong)options.Seed ^ (ulong)(existingOrganizations * 0x9E3779B1L + memberBase * 31 + officerBase);
        var plan = NationalPlan.Build(options.Organizations, options.MembersPerOrganization, seed, today, reference, existingSequences);
        var plannedMembers = plan.MemberCount.Sum(c => (long)c);
        var plannedOfficers = plan.OfficerCount.Sum(c => (long)c);
        if (memberBase + plannedMembers > int.MaxValue || officerBase + plannedOfficers > int.MaxValue)
        {
            throw new InvalidOperationException("Member or officer ids would overflow the integer identity columns.");
        }

        var mode = options.Indexes != IndexMode.Auto ? options.Indexes
            : options.Organizations >= 50_000 && options.Organizations >= existingOrganizations / 2 ? IndexMode.Rebuild : IndexMode.Staging;
        output.WriteLine($"plan: {options.Organizations:N0} organisations, {plannedMembers:N0} members, {plannedOfficers:N0} officers; seed {options.Seed}; today {today:yyyy-MM-dd}; mode {mode}; {workers} workers");
        Report("prepare (reference data, plan, numbering)", phase.Elapsed, options.Organizations);

        // 2. Make room: drop the secondary structures, or create the staging tables.
        phase.Restart();
        BulkIndexes? indexes = null;
        string? scriptPath = null;
        if (mode == IndexMode.Rebuild)
        {
            indexes = await BulkIndexes.CaptureAsync(control, Tables.Loaded.Select(t => t.Name), cancellationToken);
            scriptPath = Path.Combine(Path.GetTempPath(), $"registry-cli-indexes-{DateTime.UtcNow:yyyyMMddHHmmss}.sql");
            await File.WriteAllTextAsync(scriptPath, indexes.Script, cancellationToken);
            await indexes.DropAsync(control, cancellationToken);
            output.WriteLine($"dropped {indexes.IndexCount} indexes and keys, {indexes.ForeignKeyCount} foreign keys (rebuild script kept in {scriptPath})");
        }
        else
        {
            foreach (var (table, _) in Tables.Loaded)
            {
                await control.ExecuteAsync($"DROP TABLE IF EXISTS {StagingPrefix}{table}; CREATE UNLOGGED TABLE {StagingPrefix}{table} (LIKE registry.{table} INCLUDING DEFAULTS)", cancellationToken);
            }
        }

        Report("drop indexes / create staging", phase.Elapsed, 0);

        // 3. Generate and COPY, the organisations split in contiguous ranges between the workers. Straight into the
        // bare tables, the statistics triggers stand aside too (the rollup is rebuilt in one pass afterwards);
        // through staging they stay on, and the one INSERT … SELECT updates the rollup in the same transaction.
        phase.Restart();
        await using var loadSource = mode == IndexMode.Rebuild
            ? Database.Open(connectionString, maxPoolSize: workers * 5 + 10, options: "-c registry.statistics_maintenance=deferred")
            : null;
        var counts = new LoadCounts();
        var loaded = false;
        try
        {
            var targets = mode == IndexMode.Rebuild
                ? new OrganizationWriter.Targets("registry.applications", "registry.organizations", "registry.organization_members", "registry.organization_officers", "registry.declarations")
                : new OrganizationWriter.Targets($"{StagingPrefix}applications", $"{StagingPrefix}organizations", $"{StagingPrefix}organization_members", $"{StagingPrefix}organization_officers", $"{StagingPrefix}declarations");
            var done = 0L;
            using var ticker = new Timer(_ =>
            {
                var n = Interlocked.Read(ref done);
                output.WriteLine($"    … {n:N0} organisations, {n / Math.Max(0.001, phase.Elapsed.TotalSeconds):N0}/s");
            }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
            var tasks = new List<Task<LoadCounts>>();
            var memberStart = memberBase + 1;
            var officerStart = officerBase + 1;
            for (var w = 0; w < workers; w++)
            {
                var start = (int)((long)options.Organizations * w / workers);
                var end = (int)((long)options.Organizations * (w + 1) / workers);
                var (ms, os) = ((int)memberStart, (int)officerStart);
                for (var i = start; i < end; i++)
                {
                    memberStart += plan.MemberCount[i];
                    officerStart += plan.OfficerCount[i];
                }

                var writer = new OrganizationWriter(plan, reference, seed, today);
                tasks.Add(Task.Factory.StartNew(
                    () => writer.Write(loadSource ?? dataSource, targets, start, end, ms, os, n => Interlocked.Add(ref done, n), cancellationToken),
                    cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            }

            foreach (var result in await Task.WhenAll(tasks))
            {
                counts.Add(result);
            }

            var rows = counts.Organizations * 2 + counts.Members + counts.Officers + counts.Declarations;
            output.WriteLine($"    organisations {counts.Organizations:N0}, applications {counts.Organizations:N0}, members {counts.Members:N0}, officers {counts.Officers:N0}, declarations {counts.Declarations:N0}");
            Report("generate + binary COPY", phase.Elapsed, rows);

            if (mode == IndexMode.Staging)
            {
                phase.Restart();
                await MoveFromStagingAsync(control, plan, memberBase + plannedMembers, officerBase + plannedOfficers, cancellationToken);
                Report("INSERT … SELECT from staging (one transaction, indexes maintained)", phase.Elapsed, rows);
            }

            loaded = true;
        }
        finally
        {
            if (indexes is not null)
            {
                // Rebuilt even when the load failed, so a failed run never leaves the tables without their keys.
                phase.Restart();
                output.WriteLine(loaded ? "rebuilding indexes and keys:" : "load failed: rebuilding indexes and keys before stopping:");
                await indexes.RebuildAsync(dataSource, parallelism: 2, options.MaintenanceWorkMem, output, CancellationToken.None);
                Report("rebuild indexes, keys, foreign keys", phase.Elapsed, 0);

                // Likewise the statistics and the search's word list, whose triggers stood aside for the COPY
                // (whatever part of it committed).
                phase.Restart();
                await control.ExecuteAsync("SELECT registry.statistics_rebuild()", CancellationToken.None);
                Report("rebuild the statistics rollup", phase.Elapsed, 0);
                phase.Restart();
                await control.ExecuteAsync("SELECT registry.name_words_rebuild()", CancellationToken.None);
                Report("rebuild the search's word list", phase.Elapsed, 0);
            }
        }

        // 4. Counters: later approvals continue the sequences; identity columns continue after the ids used.
        phase.Restart();
        if (mode == IndexMode.Rebuild)
        {
            await using var transaction = await control.BeginTransactionAsync(cancellationToken);
            await WriteCountersAsync(control, transaction, plan, memberBase + plannedMembers, officerBase + plannedOfficers, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (table, _) in Tables.Loaded)
        {
            await control.ExecuteAsync($"DROP TABLE IF EXISTS {StagingPrefix}{table}", cancellationToken);
        }

        Report("registration sequences, identity sequences", phase.Elapsed, 0);

        // 5. Statistics for the planner, and the visibility map of the tables the sweep scans.
        phase.Restart();
        await control.ExecuteAsync("VACUUM (ANALYZE) registry.organizations, registry.organization_officers, registry.declarations, registry.applications, registry.statistics_cells, registry.statistics_overdue", cancellationToken);
        await control.ExecuteAsync("ANALYZE registry.organization_members", cancellationToken);
        Report("vacuum / analyze", phase.Elapsed, 0);

        output.WriteLine($"women: {Share(counts.WomenMembers, counts.Members)} of all members, {Share(counts.CoopWomenMembers, counts.CoopMembers)} of cooperative members; " +
                         $"women's cooperatives {counts.WomensCooperatives:N0}; members per organisation {(counts.Organizations == 0 ? 0 : (double)counts.Members / counts.Organizations):F1}");
        output.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
        if (scriptPath is not null)
        {
            File.Delete(scriptPath);
        }

        return new GenerateResult(counts.Organizations, counts.Members, counts.WomenMembers, counts.CoopMembers, counts.CoopWomenMembers,
            counts.WomensCooperatives, counts.Officers, counts.Declarations, mode, total.Elapsed);
    }

    private static string Share(long part, long whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private void Report(string phase, TimeSpan elapsed, long rows) =>
        output.WriteLine(rows > 0
            ? $"  {phase,-70} {elapsed.TotalSeconds,8:F1} s  {rows / Math.Max(0.001, elapsed.TotalSeconds),12:N0} rows/s"
            : $"  {phase,-70} {elapsed.TotalSeconds,8:F1} s");

    private static async Task<Dictionary<(string Form, string Region, int Year), int>> ReadSequencesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string, int), int>();
        await using var command = new NpgsqlCommand("SELECT legal_form, region_code, year, last_value FROM registry.registration_sequences", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetInt32(3);
        }

        return result;
    }

    private static async Task MoveFromStagingAsync(NpgsqlConnection connection, NationalPlan plan, long lastMemberId, long lastOfficerId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (table, columns) in Tables.Loaded)
        {
            await connection.ExecuteAsync($"INSERT INTO registry.{table} ({columns}) SELECT {columns} FROM {StagingPrefix}{table}", cancellationToken, transaction);
        }

        await WriteCountersAsync(connection, transaction, plan, lastMemberId, lastOfficerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NationalPlan plan, long lastMemberId, long lastOfficerId, CancellationToken cancellationToken)
    {
        var keys = plan.LastSequences.Keys.ToArray();
        await using (var command = new NpgsqlCommand("""
            INSERT INTO registry.registration_sequences AS s (legal_form, region_code, year, last_value)
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])
            ON CONFLICT (legal_form, region_code, year) DO UPDATE SET last_value = greatest(s.last_value, excluded.last_value)
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Form).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Region).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Year).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => plan.LastSequences[k]).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // The ids used are known: the plan gave each worker its range (no scan of 20 million rows for max(id)).
        foreach (var (sequence, last) in new[] { ("registry.organization_members_id_seq", lastMemberId), ("registry.organization_officers_id_seq", lastOfficerId) })
        {
            if (last > 0)
            {
                await connection.ExecuteAsync(
                    $"SELECT setval('{sequence}', greatest({last}, (SELECT last_value FROM {sequence})))", cancellationToken, transaction);
            }
        }
    }
}
