using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Compliance;

namespace Registry.Infrastructure.Compliance;

/// <summary>
/// The compliance checks of SPEC §5 as one set-based statement per rule over all organisations (or one).
/// Each statement computes every subject's due date and whether the obligation is kept, derives the stage,
/// writes only the findings whose stage or due date changed (an anti-join first, so a re-run writes
/// nothing), and queues the reminder or notice for each new stage in the same statement. Each rule commits
/// on its own: a sweep killed half-way leaves whole rules done, and the re-run finishes the rest.
/// </summary>
internal sealed class ComplianceSweep(NpgsqlDataSource dataSource) : IComplianceSweep
{
    internal const long SweepLockKey = 0x5245_4749_5354_5259; // "REGISTRY": one full sweep at a time, across servers

    public async Task<SweepResult> RunAsync(DateOnly today, DateTimeOffset now, Guid? organizationId, CancellationToken cancellationToken) =>
        await RunRulesAsync(ComplianceSql.Rules.Keys, today, now, organizationId, cancellationToken);

    /// <summary>Runs some rules only; the tests use it to stop a sweep half-way.</summary>
    internal async Task<SweepResult> RunRulesAsync(IEnumerable<string> ruleCodes, DateOnly today, DateTimeOffset now, Guid? organizationId, CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (organizationId is null)
        {
            // A worker killed in the middle of a statement: PostgreSQL would notice the closed socket only when the
            // statement ends (or, waiting on a lock, never before the lock is granted), keeping the session, its half-done
            // rule and the sweep's lock. Checking the client every few seconds while a statement runs ends it at once.
            await ExecuteAsync(lockConnection, "SET client_connection_check_interval = '5s'", cancellationToken);
            if (!await TryLockAsync(lockConnection, cancellationToken))
            {
                await ExecuteAsync(lockConnection, "RESET client_connection_check_interval", CancellationToken.None);
                return new SweepResult(false, []);
            }
        }

        try
        {
            if (organizationId is null)
            {
                // A full sweep runs every rule on the lock's connection, where the officers' aggregate is made once.
                await ExecuteAsync(lockConnection, ComplianceSql.CreateOfficersSnapshot, cancellationToken);
            }

            return new SweepResult(true, await RunLockedAsync(ruleCodes, today, now, organizationId, organizationId is null ? lockConnection : null, cancellationToken));
        }
        finally
        {
            if (organizationId is null)
            {
                // Pooled connections outlive this call: neither the lock nor the snapshot may go back to the pool with it.
                await ExecuteAsync(lockConnection, ComplianceSql.DropOfficersSnapshot + "; RESET client_connection_check_interval", CancellationToken.None);
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection) { Parameters = { new() { Value = SweepLockKey } } };
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }
    }

    /// <param name="sweepConnection">A full sweep's connection (with the officers' snapshot); null: each rule on a connection of its own.</param>
    private async Task<List<RuleTiming>> RunLockedAsync(
        IEnumerable<string> ruleCodes, DateOnly today, DateTimeOffset now, Guid? organizationId, NpgsqlConnection? sweepConnection, CancellationToken cancellationToken)
    {
        var timings = new List<RuleTiming>();
        foreach (var code in ruleCodes)
        {
            if (organizationId is not null && code == ComplianceRules.ReservationExpired)
            {
                continue; // about reservations, not the organisation being evaluated
            }

            var started = Stopwatch.GetTimestamp();
            await using var ownConnection = sweepConnection is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
            var connection = sweepConnection ?? ownConnection!;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(ComplianceSql.Statement(code, officersSnapshot: sweepConnection is not null), connection, transaction) { CommandTimeout = 600 };
            command.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Uuid) { Value = (object?)organizationId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("rule", NpgsqlDbType.Text) { Value = code });
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                timings.Add(new RuleTiming(code, reader.GetInt32(0), reader.GetInt32(1), Stopwatch.GetElapsedTime(started)));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return timings;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A session lock: released when the sweep ends, or when its connection dies with a crashed worker.
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = SweepLockKey } } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
