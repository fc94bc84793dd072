using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Registry.Benchmarks.Approvals;

internal sealed record DriveResult(
    int Clients,
    int Approved,
    int ApprovedTotal,
    int Errors,
    IReadOnlyDictionary<int, int> ErrorsByStatus,
    IReadOnlyList<string> SampleFailures,
    double MeasuredSeconds,
    double ApprovalsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyList<int> PerSecond,
    bool RanOut,
    IReadOnlySet<Guid> ApprovedIds,
    CpuMeter.Sample CpuUsed,
    double ApiJitSeconds)
{
    public void Print()
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"measured {MeasuredSeconds:F1} s{(RanOut ? " (the prepared applications ran out)" : "")}, {Clients} clients"));
        Console.WriteLine(string.Create(inv, $"  approvals           {Approved:N0}  ({ApprovedTotal:N0} including warm-up)"));
        Console.WriteLine(string.Create(inv, $"  approvals/s         {ApprovalsPerSecond:F0}"));
        Console.WriteLine(string.Create(inv, $"  latency ms          p50 {P50Ms:F1}   p95 {P95Ms:F1}   p99 {P99Ms:F1}   max {MaxMs:F1}"));
        var full = PerSecond.Count > 2 ? PerSecond.Skip(1).Take(PerSecond.Count - 2).ToList() : PerSecond.ToList();
        if (full.Count > 0)
        {
            var sorted = full.Order().ToList();
            Console.WriteLine(string.Create(inv, $"  per second          min {sorted[0]}   median {sorted[sorted.Count / 2]}   max {sorted[^1]}   ({string.Join(" ", PerSecond)})"));
        }

        if (Approved > 0)
        {
            double PerApproval(double seconds) => seconds * 1000 / Approved;
            Console.WriteLine(string.Create(inv, $"  CPU ms per approval API {PerApproval(CpuUsed.Api):F2}   PostgreSQL {PerApproval(CpuUsed.Postgres):F2}   driver {PerApproval(CpuUsed.Driver):F2}   " +
                $"(whole machine, everyone's: {CpuUsed.Machine / MeasuredSeconds:F2} of {Environment.ProcessorCount} cores busy)"));
            Console.WriteLine(string.Create(inv, $"  of the API's, the JIT's background tiering {PerApproval(ApiJitSeconds):F2} ({ApiJitSeconds / Math.Max(CpuUsed.Api, 0.001):P0})"));
        }

        Console.WriteLine($"  errors              {Errors}{(Errors > 0 ? "  " + string.Join(", ", ErrorsByStatus.OrderBy(e => e.Key).Select(e => $"{(e.Key == 0 ? "transport" : e.Key)}: {e.Value}")) : "")}");
        foreach (var failure in SampleFailures)
        {
            Console.WriteLine($"    {failure}");
        }
    }
}

/// <summary>
/// C clients back to back (a closed loop, no think time): each takes the next prepared application and approves it
/// with the bearer token of the official of its region. Approvals started during the warm-up are not counted.
/// </summary>
internal static class Driver
{
    private const int MaxWarmupSeconds = 300;

    public static async Task<DriveResult> RunAsync(Api api, Options options, PreparationResult preparation)
    {
        var applications = preparation.Applications;
        var next = -1;
        var frequency = (double)Stopwatch.Frequency;
        var clock = Stopwatch.StartNew();
        // The warm-up ends when its time and its number of approvals are reached and the API's JIT has settled: its
        // background tiering used at most 5 % of the API's CPU over the last 5 s (it recompiles hot methods for
        // minutes on a busy machine of 2 cores, and took 40 % of the API's CPU 60 s into a run), or after
        // MaxWarmupSeconds whatever the JIT does.
        var warmupEnd = long.MaxValue;
        var measureEnd = long.MaxValue;
        var warmupDone = 0;
        var meter = new CpuMeter(options.ApiPid, options.PostmasterPid);
        var cpuAtStart = meter.Read();
        var jitAtStart = meter.ApiJitThreads();
        var jitSettled = options.ApiPid is null;
        var jitShareAtWarmupEnd = double.NaN;
        using var warmupOver = new CancellationTokenSource();
        var jitWatch = Task.Run(async () =>
        {
            var (cpu, jit) = (meter.Read(), meter.ApiJitThreads());
            while (!Volatile.Read(ref jitSettled) && !warmupOver.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), warmupOver.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                var (cpuNow, jitNow) = (meter.Read(), meter.ApiJitThreads());
                var share = CpuMeter.JitSecondsBetween(jit, jitNow) / Math.Max(cpuNow.Api - cpu.Api, 0.01);
                Volatile.Write(ref jitShareAtWarmupEnd, share);
                if (share <= 0.05)
                {
                    Volatile.Write(ref jitSettled, true);
                }

                (cpu, jit) = (cpuNow, jitNow);
            }
        });
        var perSecond = new int[options.Seconds + 2];
        var errorsByStatus = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var approvedIds = new ConcurrentBag<Guid>();
        var latencies = new List<double>[options.Clients];
        var lastCompletion = 0L;
        var approvedTotal = 0;
        var ranOut = false;

        async Task ClientAsync(int client)
        {
            var mine = latencies[client] = new List<double>(applications.Count / options.Clients + 16);
            while (clock.ElapsedTicks < Volatile.Read(ref measureEnd))
            {
                var i = Interlocked.Increment(ref next);
                if (i >= applications.Count)
                {
                    ranOut = true;
                    return;
                }

                var application = applications[i];
                var key = options.IdempotencyKeys ? $"approve-{application.Id:N}" : null;
                var started = clock.ElapsedTicks;
                var (status, failure) = await api.ApproveAsync(application.Id, preparation.OfficialTokens[application.RegionCode], key);
                var ended = clock.ElapsedTicks;
                if (status == 200)
                {
                    Interlocked.Increment(ref approvedTotal);
                    approvedIds.Add(application.Id);
                }

                if (started < Volatile.Read(ref warmupEnd))
                {
                    if (Interlocked.Increment(ref warmupDone) >= options.WarmupApprovals && ended >= options.WarmupSeconds * frequency
                        && (Volatile.Read(ref jitSettled) || ended >= MaxWarmupSeconds * frequency)
                        && Interlocked.CompareExchange(ref warmupEnd, ended, long.MaxValue) == long.MaxValue)
                    {
                        await warmupOver.CancelAsync();
                        cpuAtStart = meter.Read();
                        jitAtStart = meter.ApiJitThreads();
                        Volatile.Write(ref measureEnd, ended + (long)(options.Seconds * frequency));
                    }

                    continue;
                }

                InterlockedMax(ref lastCompletion, ended);
                if (status == 200)
                {
                    mine.Add((ended - started) * 1000.0 / frequency);
                    var second = (int)((ended - warmupEnd) / frequency);
                    Interlocked.Increment(ref perSecond[Math.Min(second, perSecond.Length - 1)]);
                }
                else
                {
                    errorsByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (failures.Count < 5)
                    {
                        failures.Enqueue($"{status} {application.Id} ({application.LegalForm}, region {application.RegionCode}): {Truncate(failure)}");
                    }
                }
            }
        }

        Console.WriteLine($"driving {options.Clients} clients: warm-up at least {options.WarmupSeconds} s and {options.WarmupApprovals:N0} approvals " +
            $"and until the API's JIT has settled (at most {MaxWarmupSeconds} s), then {options.Seconds} s measured");
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => ClientAsync(c))));
        var cpuAtEnd = meter.Read();
        var jitAtEnd = meter.ApiJitThreads();
        await warmupOver.CancelAsync();
        await jitWatch;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {warmupDone:N0} approvals in {(warmupEnd == long.MaxValue ? clock.ElapsedTicks : warmupEnd) / frequency:F1} s; " +
            $"the JIT's tiering used {jitShareAtWarmupEnd:P0} of the API's CPU in its last 5 s{(Volatile.Read(ref jitSettled) ? "" : " (not settled: ended at the limit)")}"));
        var cpuUsed = new CpuMeter.Sample(cpuAtEnd.Api - cpuAtStart.Api, cpuAtEnd.Postgres - cpuAtStart.Postgres,
            cpuAtEnd.Driver - cpuAtStart.Driver, cpuAtEnd.Machine - cpuAtStart.Machine);
        var jitUsed = CpuMeter.JitSecondsBetween(jitAtStart, jitAtEnd);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        if (warmupEnd == long.MaxValue)
        {
            throw new InvalidOperationException($"The {applications.Count:N0} prepared applications ran out during the warm-up: prepare more.");
        }

        var measuredSeconds = Math.Max(lastCompletion - warmupEnd, 1) / frequency;
        var seconds = (int)Math.Ceiling(measuredSeconds);
        return new DriveResult(
            options.Clients,
            all.Length,
            approvedTotal,
            errorsByStatus.Values.Sum(),
            errorsByStatus,
            failures.ToList(),
            measuredSeconds,
            all.Length / measuredSeconds,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            all.Length == 0 ? 0 : all[^1],
            perSecond.Take(Math.Min(seconds, perSecond.Length)).ToList(),
            ranOut,
            approvedIds.ToHashSet(),
            cpuUsed,
            jitUsed);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
