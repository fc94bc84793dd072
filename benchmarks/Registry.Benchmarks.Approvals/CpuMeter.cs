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

    private static double Own(int pid) => Fields(pid) is { } f ? (Long(f, 14) + Long(f, 15)) / TicksPerSecond : 0;

    private static double Reaped(int pid) => Fields(pid) is { } f ? (Long(f, 16) + Long(f, 17)) / TicksPerSecond : 0;

    private static double ChildrenOf(int parent)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Fields(pid) is { } f && Long(f, 4) == parent)
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

    /// <summary>The fields of /proc/PID/stat, numbered from 1 as in proc(5); the command name may contain spaces.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
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
