using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.OpenData;

/// <summary>The kept snapshots' metadata, and their files opened for streaming.</summary>
internal sealed partial class OpenDataCatalog(RegistryDbContext db, IOptions<OpenDataOptions> options, ILogger<OpenDataCatalog> logger) : IOpenDataCatalog
{
    private const int Attempts = 3;

    public async Task<IReadOnlyList<OpenDataFile>> ListAsync(CancellationToken cancellationToken) =>
        await Project(db.OpenDataSnapshots.AsNoTracking().OrderByDescending(s => s.SnapshotDate).ThenBy(s => s.Format))
            .ToListAsync(cancellationToken);

    public async Task<OpenDataDownload?> OpenAsync(string format, DateOnly? snapshotDate, CancellationToken cancellationToken)
    {
        var snapshots = db.OpenDataSnapshots.AsNoTracking().Where(s => s.Format == format);
        if (snapshotDate is { } date)
        {
            snapshots = snapshots.Where(s => s.SnapshotDate == date);
        }

        for (var attempt = 1; ; attempt++)
        {
            var file = await Project(snapshots.OrderByDescending(s => s.SnapshotDate)).FirstOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                return null;
            }

            // A re-run renames the new file in just before it upserts the row: a reader between the two sees
            // a file that does not match its metadata, and asks again.
            var stream = TryOpen(Path.Combine(options.Value.ResolvedDirectory, Path.GetFileName(file.FileName)));
            if (stream is not null && stream.Length == file.SizeBytes)
            {
                return new OpenDataDownload(file, stream);
            }

            if (stream is not null)
            {
                await stream.DisposeAsync();
            }

            if (attempt == Attempts)
            {
                LogMissing(logger, file.FileName, options.Value.ResolvedDirectory);
                throw new InvalidOperationException(
                    $"The open-data file '{file.FileName}' is missing or does not match its metadata: is {OpenDataOptions.SectionName}:Directory a volume every instance shares?");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The open-data file {FileName} is missing from {Directory} or does not match its metadata: Registry:OpenData:Directory must be a volume every instance shares")]
    private static partial void LogMissing(ILogger logger, string fileName, string directory);

    private static IQueryable<OpenDataFile> Project(IQueryable<OpenDataSnapshot> snapshots) =>
        snapshots.Select(s => new OpenDataFile(s.Format, s.SnapshotDate, s.FileName, s.SizeBytes, s.Sha256, s.RowCount, s.CreatedAt));

    private static FileStream? TryOpen(string path)
    {
        try
        {
            // Unbuffered: the response copies in large pieces, and seeks for range requests.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
