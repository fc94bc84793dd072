using System.Buffers;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.OpenData;

/// <summary>
/// Streams the public fields of every organisation, in one statement read row by row, into a CSV and a JSON
/// file at once; each file's bytes pass through SHA-256 on their way to the disk, so memory stays flat
/// whatever the number of rows. The files are written under temporary names and renamed over the day's
/// files (an atomic replace: a download sees the old file or the new one, never half of one); then the
/// day's metadata rows are upserted, and snapshots older than the retention are deleted (rows, then files).
/// </summary>
internal sealed partial class OpenDataExporter(
    NpgsqlDataSource dataSource,
    RegistryDbContext db,
    IOptions<OpenDataOptions> options,
    ILogger<OpenDataExporter> logger) : IOpenDataExporter
{
    internal const long ExportLockKey = 0x4F50_454E_4441_5441; // "OPENDATA": one export at a time, across servers
    private const string TemporarySuffix = ".tmp";

    public async Task<OpenDataExported> ExportAsync(DateOnly snapshotDate, DateTimeOffset now, DateOnly keepFrom, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = options.Value.ResolvedDirectory;
        Directory.CreateDirectory(directory);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken);
        try
        {
            DeleteTemporaryFiles(directory); // left by an export that died; none can be running now
            var token = Guid.NewGuid().ToString("N");
            var csvName = OpenDataOptions.FileNameOf(snapshotDate, OpenDataFormats.Csv);
            var jsonName = OpenDataOptions.FileNameOf(snapshotDate, OpenDataFormats.Json);
            var csvTemporary = Path.Combine(directory, $".{csvName}.{token}{TemporarySuffix}");
            var jsonTemporary = Path.Combine(directory, $".{jsonName}.{token}{TemporarySuffix}");

            long rows;
            (long SizeBytes, string Sha256) csv, json;
            try
            {
                await using (var csvFile = HashedFileWriter.Create(csvTemporary))
                await using (var jsonFile = HashedFileWriter.Create(jsonTemporary))
                {
                    rows = await WriteAsync(connection, csvFile, jsonFile, cancellationToken);
                    csv = await csvFile.CompleteAsync(cancellationToken);
                    json = await jsonFile.CompleteAsync(cancellationToken);
                }

                File.Move(csvTemporary, Path.Combine(directory, csvName), overwrite: true);
                File.Move(jsonTemporary, Path.Combine(directory, jsonName), overwrite: true);
            }
            catch
            {
                TryDelete(csvTemporary);
                TryDelete(jsonTemporary);
                throw;
            }

            OpenDataFile[] files =
            [
                new(OpenDataFormats.Csv, snapshotDate, csvName, csv.SizeBytes, csv.Sha256, rows, now),
                new(OpenDataFormats.Json, snapshotDate, jsonName, json.SizeBytes, json.Sha256, rows, now),
            ];
            await RecordAsync(files, keepFrom, cancellationToken);
            var deleted = DeleteFilesOlderThan(directory, keepFrom);

            var elapsed = Stopwatch.GetElapsedTime(started);
            LogExported(logger, snapshotDate, rows, csv.SizeBytes, json.SizeBytes, deleted, elapsed.TotalMilliseconds);
            return new OpenDataExported(snapshotDate, rows, files, deleted, elapsed);
        }
        finally
        {
            // Pooled connections outlive this call: the lock must not go back to the pool with it. A broken
            // connection has lost the lock with its session already.
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
            }
        }
    }

    private static async Task<long> WriteAsync(NpgsqlConnection connection, HashedFileWriter csv, HashedFileWriter json, CancellationToken cancellationToken)
    {
        csv.Buffer.Write(OpenDataRowWriter.CsvHeader);
        await using var writer = new Utf8JsonWriter(json.Buffer, OpenDataRowWriter.JsonOptions);
        writer.WriteStartArray();

        // One statement, one MVCC snapshot: the files are a consistent picture of the register.
        await using var command = new NpgsqlCommand(OpenDataRowWriter.Select, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            OpenDataRowWriter.Write(reader, csv.Buffer, writer);
            writer.Flush(); // commits the object to json.Buffer, which is then written out in 64 KiB pieces
            rows++;
            await csv.FlushIfFullAsync(cancellationToken);
            await json.FlushIfFullAsync(cancellationToken);
        }

        writer.WriteEndArray();
        writer.Flush();
        return rows;
    }

    private async Task RecordAsync(IReadOnlyList<OpenDataFile> files, DateOnly keepFrom, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var file in files)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO registry.open_data_snapshots (format, snapshot_date, file_name, size_bytes, sha256, row_count, created_at)
                VALUES ({file.Format}, {file.SnapshotDate}, {file.FileName}, {file.SizeBytes}, {file.Sha256}, {file.RowCount}, {file.CreatedAt})
                ON CONFLICT (format, snapshot_date) DO UPDATE SET
                    file_name = excluded.file_name, size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
                    row_count = excluded.row_count, created_at = excluded.created_at
                """, cancellationToken);
        }

        await db.OpenDataSnapshots.Where(s => s.SnapshotDate < keepFrom).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Files of snapshots before <paramref name="keepFrom"/>, recognised by their names; their rows are already gone.</summary>
    private static int DeleteFilesOlderThan(string directory, DateOnly keepFrom)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "organizations-*.*"))
        {
            var name = Path.GetFileName(path);
            var extension = Path.GetExtension(name).TrimStart('.');
            var stem = Path.GetFileNameWithoutExtension(name);
            if (OpenDataFormats.IsKnown(extension)
                && DateOnly.TryParseExact(stem["organizations-".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date < keepFrom
                && TryDelete(path))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private static void DeleteTemporaryFiles(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, $".organizations-*{TemporarySuffix}"))
        {
            TryDelete(path);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600, Parameters = { new() { Value = ExportLockKey } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Open data {SnapshotDate}: {Rows} organisations, CSV {CsvBytes} bytes, JSON {JsonBytes} bytes, {FilesDeleted} old files deleted, in {ElapsedMs} ms")]
    private static partial void LogExported(ILogger logger, DateOnly snapshotDate, long rows, long csvBytes, long jsonBytes, int filesDeleted, double elapsedMs);
}
