using System.Data;
using Npgsql;

namespace Registry.Cli.Common;

/// <summary>
/// One bulk load of organisations at a time in a database: <c>import organizations</c> and <c>generate</c>. Both
/// number organisations from counters read before they insert, and write ids of their own (the generator continues
/// the member and officer identities from values it reads at its start, and in its rebuild mode drops the unique keys
/// while it copies), so two at once end in a unique violation (23505) for the later one, or in duplicates. Under this
/// lock the later one waits, then reads what the first committed: a second import of the same file finds its
/// organisations already present and changes nothing.
/// </summary>
internal static class BulkLoadLock
{
    /// <summary>
    /// The advisory lock's key, ASCII "BULKLOAD" (the compliance sweep's is "REGISTRY", the open-data export's
    /// "OPENDATA"). Advisory locks belong to a database: loads into two databases of one server do not wait.
    /// </summary>
    public const long Key = 0x4255_4C4B_4C4F_4144;

    private const string Waiting = "waiting: an import or a generate run is loading organisations into this database; this one starts when it ends";

    /// <summary>For an import: held until its transaction commits or rolls back.</summary>
    public static async Task HoldForTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TextWriter output, CancellationToken cancellationToken)
    {
        if (!await connection.ScalarAsync<bool>($"SELECT pg_try_advisory_xact_lock({Key})", cancellationToken, transaction))
        {
            await output.WriteLineAsync(Waiting);
            await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken, transaction);
        }
    }

    /// <summary>
    /// For the generator, whose load spans several transactions on several connections: held by the session of
    /// <paramref name="connection"/> until the result is disposed (or the connection closes).
    /// </summary>
    public static async Task<IAsyncDisposable> HoldForSessionAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken)
    {
        if (!await connection.ScalarAsync<bool>($"SELECT pg_try_advisory_lock({Key})", cancellationToken))
        {
            await output.WriteLineAsync(Waiting);
            await connection.ExecuteAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        }

        return new SessionLock(connection);
    }

    private sealed class SessionLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // A connection that broke has taken the lock with it; the pooled connection must not keep it.
            if (connection.State == ConnectionState.Open)
            {
                await connection.ExecuteAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            }
        }
    }
}
