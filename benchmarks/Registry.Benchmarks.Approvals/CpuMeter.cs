using System.Diagnostics;
using System.Globalization;

namespace Registry.Benchmarks.Approvals;

/// <summary>
/// CPU seconds used by the API process, PostgreSQL (postmaster, its live children and the children that have
/// exited) and this driver, read from /proc: what an approval costs in CPU, which on 2 shared cores bounds the rate.
/// </summary>
internal sealed class CpuMeter(int? apiPid, int? postmasterPid)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    public readonly record struct Sample(double Api, double Postgres, double Driver, double Machine);

    public Sample Read() => new(
        apiPid is { } api ? Own(api) : double.NaN,
        postmasterPid is { } pm ? Own(pm) + Reaped(pm) + ChildrenOf(pm) : double.NaN,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        MachineBusy());

    /// <summary>
    /// CPU seconds of each live thread of the API that recompiles hot methods in the background (.NET's tiered
    /// compilation worker, named ".NET Tiered Com…"), by thread id. While it is busy the API is still warming up:
    /// early in a run it took 40 % of the API's CPU here, so a short warm-up measured the JIT, not an approval.
    /// </summary>
    public Dictionary<int, double> ApiJitThreads()
    {
        var threads = new Dictionary<int, double>();
        if (apiPid is not { } api || !Directory.Exists($"/proc/{api}/task"))
        {
            return threads;
        }

        try
        {
            foreach (var dir in Directory.EnumerateDirectories($"/proc/{api}/task"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var tid) && Fields($"{api}/task/{tid}") is { } f
                    && f[1].StartsWith("(.NET Tiered", StringComparison.Ordinal))
                {
                    threads[tid] = (Long(f, 14) + Long(f, 15)) / TicksPerSecond;
                }
            }
        }
        catch (IOException)
        {
            // the API exited while its threads were listed
        }

        return threads;
    }

    /// <summary>The tiering threads' CPU seconds between two readings (a thread that started in between counts whole).</summary>
    public static double JitSecondsBetween(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(t => t.Value - before.GetValueOrDefault(t.Key));

    private static double Own(int pid) => Fields($"{pid}") is { } f ? (Long(f, 14) + Long(f, 15)) / TicksPerSecond : 0;

    private static double Reaped(int pid) => Fields($"{pid}") is { } f ? (Long(f, 16) + Long(f, 17)) / TicksPerSecond : 0;

    private static double ChildrenOf(int parent)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Fields($"{pid}") is { } f && Long(f, 4) == parent)
            {
                total += (Long(f, 14) + Long(f, 15)) / TicksPerSecond;
            }
        }

        return total;
    }

    /// <summary>Busy CPU seconds of the whole machine (all processes, everyone's), from /proc/stat.</summary>
    private static double MachineBusy()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = cpu.Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return (values.Sum() - values[3] - values[4]) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>The fields of /proc/PID/stat (or PID/task/TID), numbered from 1 as in proc(5); the command name may contain spaces.</summary>
    private static string[]? Fields(string process)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{process}/stat");
            var close = text.LastIndexOf(')');
            return [.. text[..close].Split(' ', 2), .. text[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Long(string[] fields, int number) => long.Parse(fields[number - 1], CultureInfo.InvariantCulture);
}
