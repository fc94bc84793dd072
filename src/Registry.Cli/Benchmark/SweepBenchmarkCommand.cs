using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Cli.Common;
using Registry.Infrastructure;

namespace Registry.Cli.Benchmark;

internal sealed record SweepRun(TimeSpan Wall, IReadOnlyList<RuleTiming> Rules, long FindingsChanged, long MessagesQueued, long WalBytes, long RowsWritten);

internal sealed record SweepBenchmarkResult(long Organizations, SweepRun First, SweepRun Second, long PeakWorkingSetBytes);

/// <summary>
/// <c>benchmark sweep</c>: the nightly compliance sweep as the service runs it (IComplianceSweep from
/// AddInfrastructure), over every organisation, twice: the second run must change nothing.
/// </summary>
internal sealed class SweepBenchmarkCommand(string connectionString, TextWriter output)
{
    public async Task<SweepBenchmarkResult> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Registry"] = connectionString,
            ["Hangfire:ServerEnabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var dataSource = Database.Open(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var organizations = await connection.ScalarAsync<long>("SELECT count(*) FROM registry.organizations", cancellationToken);
        var now = Casablanca.At(today, TimeSpan.FromHours(2)); // the nightly job's time
        output.WriteLine($"compliance sweep over {organizations:N0} organisations, today = {today:yyyy-MM-dd}");

        var first = await RunOnceAsync(provider, connection, today, now, "first run", cancellationToken);
        var second = await RunOnceAsync(provider, connection, today, now, "second run", cancellationToken);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        output.WriteLine($"peak working set {peak / (1024.0 * 1024.0):F0} MB (target ≤ 512 MB)");
        output.WriteLine($"first run {first.Wall.TotalSeconds:F1} s (target ≤ 60 s); second run changed {second.FindingsChanged} findings, " +
                         $"queued {second.MessagesQueued} messages, wrote {second.RowsWritten} rows and {second.WalBytes:N0} bytes of WAL");
        output.WriteLine(second.FindingsChanged == 0 && second.MessagesQueued == 0 && second.RowsWritten == 0
            ? "second run changed 0 rows"
            : "SECOND RUN CHANGED ROWS");
        return new SweepBenchmarkResult(organizations, first, second, peak);
    }

    private async Task<SweepRun> RunOnceAsync(ServiceProvider provider, NpgsqlConnection connection, DateOnly today, DateTimeOffset now, string label, CancellationToken cancellationToken)
    {
        var walBefore = await connection.ScalarAsync<string>("SELECT pg_current_wal_insert_lsn()::text", cancellationToken);
        var rowsBefore = await RowsWrittenAsync(connection, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        SweepResult result;
        await using (var scope = provider.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IComplianceSweep>().RunAsync(today, now, null, cancellationToken);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        if (!result.Ran)
        {
            throw new InvalidOperationException("Another sweep holds the lock; try again when it has finished.");
        }

        var wal = await connection.ScalarAsync<long>($"SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '{walBefore}')::bigint", cancellationToken);
        var rows = await RowsWrittenAsync(connection, cancellationToken) - rowsBefore;
        output.WriteLine($"{label}: {wall.TotalSeconds:F2} s wall");
        foreach (var rule in result.Rules)
        {
            output.WriteLine($"    {rule.RuleCode,-26} {rule.Elapsed.TotalSeconds,7:F2} s  {rule.FindingsChanged,9:N0} findings changed  {rule.MessagesQueued,9:N0} messages queued");
        }

        var changed = result.Rules.Sum(r => (long)r.FindingsChanged);
        var queued = result.Rules.Sum(r => (long)r.MessagesQueued);
        output.WriteLine($"    total findings changed {changed:N0}, messages queued {queued:N0}, rows written {rows:N0}, WAL {wal:N0} bytes");
        return new SweepRun(wall, result.Rules, changed, queued, wal, rows);
    }

    /// <summary>Rows inserted, updated or deleted in findings and the outbox, as the statistics collector counts them.</summary>
    private static async Task<long> RowsWrittenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("SELECT pg_stat_clear_snapshot()", cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken); // statistics are flushed at most once a second
        return await connection.ScalarAsync<long>("""
            SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_user_tables
            WHERE schemaname = 'registry' AND relname IN ('findings', 'outbox_messages')
            """, cancellationToken);
    }
}
