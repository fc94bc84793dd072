using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Cli.Common;
using Registry.Infrastructure;

namespace Registry.Cli.Benchmark;

/// <param name="RowsWritten">Findings and outbox rows whose current version the run wrote (by xmin).</param>
/// <param name="WalBytes">WAL the whole database wrote meanwhile (other sessions included).</param>
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
        var xidBefore = await NextXidAsync(connection, cancellationToken);
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
        var rows = await RowsWrittenSinceAsync(connection, xidBefore, cancellationToken);
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

    /// <summary>The next transaction id (not assigning one, so measuring writes nothing).</summary>
    private static Task<long> NextXidAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ScalarAsync<long>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296", cancellationToken);

    /// <summary>Rows of findings and the outbox whose current version a transaction from <paramref name="sinceXid"/> on wrote.</summary>
    private static Task<long> RowsWrittenSinceAsync(NpgsqlConnection connection, long sinceXid, CancellationToken cancellationToken) =>
        connection.ScalarAsync<long>($"""
            SELECT (SELECT count(*) FROM registry.findings WHERE xmin::text::bigint >= {sinceXid})
                 + (SELECT count(*) FROM registry.outbox_messages WHERE xmin::text::bigint >= {sinceXid})
            """, cancellationToken);
}
