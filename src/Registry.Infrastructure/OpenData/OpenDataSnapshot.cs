namespace Registry.Infrastructure.OpenData;

/// <summary>
/// One file of the nightly open-data snapshot: its format, the Casablanca date it was taken, and what a
/// downloader needs to check it (size, SHA-256, number of rows). One row per format and date: a re-run the
/// same day replaces it.
/// </summary>
public sealed class OpenDataSnapshot
{
    public long Id { get; set; }

    /// <summary><c>csv</c> or <c>json</c>.</summary>
    public string Format { get; set; } = "";

    public DateOnly SnapshotDate { get; set; }

    /// <summary>The file's name inside the open-data directory, e.g. <c>organizations-2026-11-26.csv</c>.</summary>
    public string FileName { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>The SHA-256 of the file's bytes, 64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; set; } = "";

    public long RowCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
