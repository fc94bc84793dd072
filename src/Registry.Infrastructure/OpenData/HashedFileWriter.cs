using System.Buffers;
using System.Security.Cryptography;

namespace Registry.Infrastructure.OpenData;

/// <summary>
/// A new file whose bytes are hashed (SHA-256) and counted on their way to the disk. Writers fill
/// <see cref="Buffer"/>; <see cref="FlushIfFullAsync"/> sends it out once it holds 64 KiB, so the memory used
/// stays the same however many rows pass through.
/// </summary>
internal sealed class HashedFileWriter : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private HashedFileWriter(string path) =>
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);

    public ArrayBufferWriter<byte> Buffer { get; } = new(2 * FlushThreshold);

    public long Length { get; private set; }

    public static HashedFileWriter Create(string path) => new(path);

    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        Buffer.WrittenCount >= FlushThreshold ? DrainAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes what is left, forces it to the disk and returns the file's size and SHA-256 (lower-case hex).</summary>
    public async Task<(long SizeBytes, string Sha256)> CompleteAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await _file.FlushAsync(cancellationToken);
        _file.Flush(flushToDisk: true); // the rename that publishes the file must not outrun its bytes
        return (Length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _hash.Dispose();
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        var bytes = Buffer.WrittenMemory;
        if (bytes.IsEmpty)
        {
            return;
        }

        _hash.AppendData(bytes.Span);
        await _file.WriteAsync(bytes, cancellationToken);
        Length += bytes.Length;
        Buffer.ResetWrittenCount();
    }
}
