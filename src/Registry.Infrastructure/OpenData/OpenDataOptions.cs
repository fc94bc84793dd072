namespace Registry.Infrastructure.OpenData;

/// <summary>Where the nightly open-data snapshot is written and when (configuration section <c>Registry:OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string SectionName = "Registry:OpenData";
    public const string DefaultCron = "30 3 * * *";

    /// <summary>
    /// The folder holding the files. Production must set it to a volume every API instance and Hangfire
    /// server shares: the job writes on one machine and any instance serves. Unset, a folder
    /// <c>open-data</c> under the system's temporary folder (fine for one machine, lost on reboot).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The recurring job's schedule, in Africa/Casablanca time.</summary>
    public string Cron { get; set; } = DefaultCron;

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Path.GetTempPath(), "open-data")
        : Path.GetFullPath(Directory);

    /// <summary><c>organizations-2026-11-26.csv</c>: the date is the Casablanca date of the snapshot.</summary>
    public static string FileNameOf(DateOnly snapshotDate, string format) =>
        $"organizations-{snapshotDate:yyyy-MM-dd}.{format}";
}
