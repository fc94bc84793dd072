using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Registry.Benchmarks;

internal sealed record Latencies(string Label, int Count, int Errors, double Seconds, double[] SortedMs, double ClientCpuShare, double MachineBusyShare)
{
    public double Throughput => Count / Seconds;

    public double Percentile(double p) => SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(p / 100.0 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];

    public double Mean => SortedMs.Length == 0 ? double.NaN : SortedMs.Average();

    public static string Header => $"{"",-22} {"n",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"mean ms",8} {"max ms",8}";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-22} {Count,7} {Throughput,8:F1} {Percentile(50),8:F1} {Percentile(95),8:F1} {Percentile(99),8:F1} {Mean,8:F1} {(SortedMs.Length == 0 ? double.NaN : SortedMs[^1]),8:F1}");
}

/// <summary>
/// Closed-loop load: N clients, each with its own connection, run random inputs back to back. A query counts when
/// it ends after the warm-up and started before the end (so that designs slower than the window still report).
/// </summary>
internal static class Runner
{
    public static async Task<(Latencies Total, List<Latencies> ByKind)> MeasureAsync<T>(
        NpgsqlDataSource dataSource, IReadOnlyList<T> inputs, Func<T, string> kindOf, Func<Db, T, Task<List<Hit>>> operation,
        int clients, TimeSpan duration, TimeSpan warmup, int seed)
    {
        var samples = new ConcurrentBag<(string Kind, double Ms)>();
        var errors = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineBefore = default((long Busy, long Total));
        var machineTask = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            machineBefore = ReadProcStat();
        });
        var tasks = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + client);
            var connection = await dataSource.OpenConnectionAsync();
            try
            {
                while (Stopwatch.GetTimestamp() < end)
                {
                    var input = inputs[random.Next(inputs.Count)];
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(new Db(connection), input);
                    }
                    catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                    {
                        if (Interlocked.Increment(ref errors) <= 3)
                        {
                            Console.WriteLine($"  error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                        }

                        await connection.DisposeAsync();
                        connection = await dataSource.OpenConnectionAsync();
                        continue;
                    }

                    var t1 = Stopwatch.GetTimestamp();
                    if (t1 >= measureFrom && t0 < end)
                    {
                        samples.Add((kindOf(input), (t1 - t0) * 1000.0 / Stopwatch.Frequency));
                    }
                }
            }
            finally
            {
                await connection.DisposeAsync();
            }
        })).ToList();
        await Task.WhenAll(tasks);
        await machineTask;
        var machineAfter = ReadProcStat();
        var elapsed = (Stopwatch.GetTimestamp() - measureFrom) / (double)Stopwatch.Frequency;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / ((Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency) / Environment.ProcessorCount;
        var busy = machineAfter.Total > machineBefore.Total ? (machineAfter.Busy - machineBefore.Busy) / (double)(machineAfter.Total - machineBefore.Total) : double.NaN;
        var all = samples.ToList();
        var total = new Latencies("all", all.Count, errors, duration.TotalSeconds, [.. all.Select(s => s.Ms).Order()], cpu, busy);
        var byKind = all.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Latencies("  " + g.Key, g.Count(), 0, duration.TotalSeconds, [.. g.Select(s => s.Ms).Order()], double.NaN, double.NaN)).ToList();
        _ = elapsed;
        return (total, byKind);
    }

    private static (long Busy, long Total) ReadProcStat()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>Runs every input once (in parallel) and keeps the results, for the quality figures.</summary>
    public static async Task<Dictionary<T, List<Hit>>> RunAllAsync<T>(NpgsqlDataSource dataSource, IReadOnlyList<T> inputs, Func<Db, T, Task<List<Hit>>> operation, int clients)
        where T : notnull
    {
        var results = new ConcurrentDictionary<T, List<Hit>>();
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (input, cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            results[input] = await operation(new Db(connection), input);
        });
        return new Dictionary<T, List<Hit>>(results);
    }
}
