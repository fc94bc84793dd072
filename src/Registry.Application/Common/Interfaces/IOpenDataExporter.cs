namespace Registry.Application.Common.Interfaces;

/// <summary>The formats of the open-data snapshot, as they appear in file names and URLs.</summary>
public static class OpenDataFormats
{
    public const string Csv = "csv";
    public const string Json = "json";

    public static IReadOnlyList<string> All { get; } = [Csv, Json];

    public static bool IsKnown(string? format) => format is Csv or Json;
}

/// <summary>One file of a snapshot: what a downloader needs to pick it and check it.</summary>
public sealed record OpenDataFile(
    string Format,
    DateOnly SnapshotDate,
    string FileName,
    long SizeBytes,
    string Sha256,
    long RowCount,
    DateTimeOffset CreatedAt);

/// <summary>The outcome of an export: the files written for the day, and how many old files retention removed.</summary>
public sealed record OpenDataExported(DateOnly SnapshotDate, long RowCount, IReadOnlyList<OpenDataFile> Files, int FilesDeleted, TimeSpan Elapsed);

/// <summary>A snapshot file opened for reading; the caller disposes <see cref="Content"/>.</summary>
public sealed record OpenDataDownload(OpenDataFile File, Stream Content);

/// <summary>
/// Writes the public fields of every registered organisation as CSV and JSON files named after
/// <paramref name="snapshotDate"/> (replacing that day's files), records their metadata, and removes the
/// files and metadata of snapshots older than <paramref name="keepFrom"/>.
/// </summary>
public interface IOpenDataExporter
{
    Task<OpenDataExported> ExportAsync(DateOnly snapshotDate, DateTimeOffset now, DateOnly keepFrom, CancellationToken cancellationToken);
}

/// <summary>The snapshots kept, and their files.</summary>
public interface IOpenDataCatalog
{
    /// <summary>Every kept file, newest date first.</summary>
    Task<IReadOnlyList<OpenDataFile>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The file of a format for a date (the newest when <paramref name="snapshotDate"/> is null), or null when there is none.</summary>
    Task<OpenDataDownload?> OpenAsync(string format, DateOnly? snapshotDate, CancellationToken cancellationToken);
}
