using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Infrastructure.Audit;

/// <summary>
/// A checkpoint of the audit trail: every chain's last place and hash at one moment, as a text file whose SHA-256 is
/// published somewhere the database's owner cannot write (sent to the ministry, printed in a report, kept by another
/// system). Since each entry's hash covers every entry before it, an entry hash recorded in a checkpoint fixes its
/// whole chain up to that place: a chain later rewritten with fresh hashes and its head rewritten to match, or a
/// chain removed with its head — which <see cref="AuditChainVerifier"/> cannot see — differs from the checkpoint.
/// </summary>
/// <remarks>
/// Format, version 1 (UTF-8, line feeds): the line <c>registry-audit-checkpoint/v1</c>, the line <c>taken-at</c>
/// with the snapshot's time (UTC, ISO 8601), the line <c>chains</c> with the number of chains, then one line per chain
/// ordered by chain id: <c>chain_id,chain_seq,entry_hash</c> (uuid, decimal, lower-case hex).
/// </remarks>
public sealed class AuditCheckpoint(NpgsqlDataSource dataSource)
{
    public const string Header = "registry-audit-checkpoint/v1";

    /// <summary>Writes every chain's head as it stands in one snapshot; returns the number of chains written.</summary>
    public async Task<long> WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await AuditChainVerifier.BeginReadOnlySnapshotAsync(connection, cancellationToken);

        DateTimeOffset takenAt;
        long chains;
        await using (var count = new NpgsqlCommand("SELECT statement_timestamp(), count(DISTINCT chain_id) FROM registry.audit_entries", connection, transaction) { CommandTimeout = 0 })
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            takenAt = reader.GetFieldValue<DateTimeOffset>(0);
            chains = reader.GetInt64(1);
        }

        await output.WriteAsync($"{Header}\ntaken-at {takenAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}\nchains {chains.ToString(CultureInfo.InvariantCulture)}\n");
        // The heads from the entries themselves, not from audit_chain_heads: the checkpoint must not trust the table it guards.
        await using (var heads = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (chain_id) chain_id, chain_seq, entry_hash
            FROM registry.audit_entries
            ORDER BY chain_id, chain_seq DESC
            """, connection, transaction) { CommandTimeout = 0 })
        await using (var reader = await heads.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                await output.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.GetGuid(0):D},{reader.GetInt64(1)},{Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2))}\n"));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return chains;
    }

    /// <summary>
    /// Compares the trail with a checkpoint, set-based: the checkpoint's lines are copied into a temporary table and
    /// joined with the entries at the recorded places. Throws <see cref="FormatException"/> for a file that is not a checkpoint.
    /// </summary>
    public async Task<CheckpointComparison> CompareAsync(TextReader checkpoint, CancellationToken cancellationToken)
    {
        if (await checkpoint.ReadLineAsync(cancellationToken) != Header)
        {
            throw new FormatException($"not an audit checkpoint: the first line must be '{Header}'");
        }

        var takenAt = await checkpoint.ReadLineAsync(cancellationToken) ?? "";
        var declared = await checkpoint.ReadLineAsync(cancellationToken) ?? "";
        if (!takenAt.StartsWith("taken-at ", StringComparison.Ordinal) || !declared.StartsWith("chains ", StringComparison.Ordinal)
            || !long.TryParse(declared["chains ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var declaredChains))
        {
            throw new FormatException("not an audit checkpoint: 'taken-at' and 'chains' lines expected after the first");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var setup = new NpgsqlCommand(
            """
            SET LOCAL search_path = pg_catalog, pg_temp;
            CREATE TEMPORARY TABLE checkpoint_heads (line bigint, chain_id uuid, chain_seq bigint, entry_hash bytea) ON COMMIT DROP;
            """, connection, transaction))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        long lines = 0;
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY checkpoint_heads (line, chain_id, chain_seq, entry_hash) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            while (await checkpoint.ReadLineAsync(cancellationToken) is { } line)
            {
                lines++;
                var fields = line.Split(',');
                if (fields.Length != 3 || !Guid.TryParseExact(fields[0], "D", out var chainId)
                    || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                    || fields[2].Length != 64)
                {
                    throw new FormatException($"checkpoint line {lines + 4} is not 'chain_id,chain_seq,entry_hash'");
                }

                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(lines, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(chainId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(sequence, NpgsqlDbType.Bigint, cancellationToken);
                await import.WriteAsync(Convert.FromHexString(fields[2]), NpgsqlDbType.Bytea, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        if (lines != declaredChains)
        {
            throw new FormatException($"the checkpoint declares {declaredChains} chains and holds {lines}: it is truncated or was edited");
        }

        await using var compare = new NpgsqlCommand(
            """
            WITH differing AS (
                SELECT c.line, c.chain_id, c.chain_seq, c.entry_hash AS expected, e.entry_hash AS stored
                FROM checkpoint_heads c
                LEFT JOIN registry.audit_entries e ON e.chain_id = c.chain_id AND e.chain_seq = c.chain_seq
                WHERE e.entry_hash IS DISTINCT FROM c.entry_hash
            )
            SELECT (SELECT count(*) FROM differing), d.chain_id, d.chain_seq, encode(d.expected, 'hex'), encode(d.stored, 'hex')
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT * FROM differing ORDER BY line LIMIT 1) d ON true
            """, connection, transaction) { CommandTimeout = 0 };
        await using var reader = await compare.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var differing = reader.GetInt64(0);
        var first = differing == 0 ? null : new CheckpointDifference(reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        return new CheckpointComparison(takenAt["taken-at ".Length..], lines, differing, first);
    }

    /// <summary>The SHA-256 of a checkpoint file, in lower-case hex: what is published, and compared before trusting a file.</summary>
    public static async Task<string> DigestAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>A writer for checkpoint files: UTF-8 without a byte-order mark, line feeds.</summary>
    public static StreamWriter CreateFile(string path) => new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
}

/// <summary>How the trail compares with a checkpoint: <paramref name="Differing"/> chains whose recorded place is missing or has another hash.</summary>
public sealed record CheckpointComparison(string TakenAt, long ChainsInCheckpoint, long Differing, CheckpointDifference? First)
{
    public bool Ok => Differing == 0;
}

/// <summary>A chain that differs from the checkpoint: its entry at the recorded place has another hash, or is gone (<paramref name="Stored"/> null).</summary>
public sealed record CheckpointDifference(Guid ChainId, long Sequence, string Expected, string? Stored);
