using System.Data;
using Npgsql;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Audit;

/// <summary>
/// Verifies the audit trail's hash chains set-based in PostgreSQL: one pass over the entries ordered by chain and
/// place, recomputing each entry's hash and comparing it, its place and its previous hash with its predecessor's
/// (window functions), never a loop over entries here. Runs in one read-only snapshot, with <c>search_path</c> set to
/// <c>pg_catalog</c> so that nothing in the registry's schemas can stand in for the functions it uses.
/// </summary>
/// <remarks>
/// Each chain's last entry is also compared with the chain's head (<c>registry.audit_chain_heads</c>), which catches
/// the removal of a chain's last entries. What it cannot see: a chain rewritten from the changed entry to its end with
/// fresh hashes and its head rewritten to match, or a whole chain removed with its head. Keeping the heads somewhere
/// the database's owner cannot write (published, or in another system) would close both; not done yet.
/// </remarks>
public sealed class AuditChainVerifier(NpgsqlDataSource dataSource) : IAuditChainVerifier
{
    /// <summary>Zero: a whole-table verification of millions of entries may take longer than the default 30 s.</summary>
    private const int CommandTimeoutSeconds = 0;

    /// <summary>The all-zero chain: audit entries about no application or organisation.</summary>
    public static readonly Guid RegistryWideChain = Guid.Empty;

    public Task<AuditVerification> VerifyAllAsync(CancellationToken cancellationToken) =>
        VerifyAsync(scope: "all", registrationNumber: null, cancellationToken)!;

    public Task<AuditVerification?> VerifyOrganizationAsync(string registrationNumber, CancellationToken cancellationToken) =>
        VerifyAsync(scope: registrationNumber, registrationNumber, cancellationToken);

    private async Task<AuditVerification?> VerifyAsync(string scope, string? registrationNumber, CancellationToken cancellationToken)
    {
        Guid? chainId = null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadOnlySnapshotAsync(connection, cancellationToken);

        if (registrationNumber is not null)
        {
            // An organisation's chain is its application's (the trigger keys entries that way).
            await using var lookup = new NpgsqlCommand(
                "SELECT application_id FROM registry.organizations WHERE registration_number = $1", connection, transaction)
            {
                Parameters = { new() { Value = registrationNumber } },
            };
            if (await lookup.ExecuteScalarAsync(cancellationToken) is not Guid applicationId)
            {
                return null;
            }

            chainId = applicationId;
        }

        long entries, chains, broken;
        long? firstBrokenId;
        await using (var summary = new NpgsqlCommand(Checked(chainId is null ? "" : "WHERE e.chain_id = $1") + """
            SELECT count(*), count(*) FILTER (WHERE predecessor_seq IS NULL), count(problem), min(id) FILTER (WHERE problem IS NOT NULL)
            FROM checked
            """, connection, transaction) { CommandTimeout = CommandTimeoutSeconds })
        {
            if (chainId is not null)
            {
                summary.Parameters.Add(new NpgsqlParameter { Value = chainId.Value });
            }

            await using var reader = await summary.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            entries = reader.GetInt64(0);
            chains = reader.GetInt64(1);
            broken = reader.GetInt64(2);
            firstBrokenId = reader.IsDBNull(3) ? null : reader.GetInt64(3);
        }

        BrokenAuditEntry? first = null;
        if (firstBrokenId is { } id)
        {
            // The same checks over the broken entry's chain alone (by the chain index), for its details.
            await using var detail = new NpgsqlCommand(Checked("WHERE e.chain_id = (SELECT chain_id FROM registry.audit_entries WHERE id = $1)") + """
                SELECT id, chain_id, chain_seq, problem, expected, stored FROM checked WHERE id = $1
                """, connection, transaction) { CommandTimeout = CommandTimeoutSeconds };
            detail.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await detail.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                first = new BrokenAuditEntry(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2),
                    (AuditChainProblem)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new AuditVerification(broken == 0, scope, chains, entries, broken, first);
    }

    /// <summary>
    /// One read-only snapshot of the trail, with <c>search_path</c> pinned to <c>pg_catalog</c> so that nothing in the
    /// registry's schemas can stand in for the functions a check uses.
    /// </summary>
    internal static async Task<NpgsqlTransaction> BeginReadOnlySnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var setup = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL search_path = pg_catalog, pg_temp", connection, transaction);
        await setup.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    /// <summary>
    /// A CTE <c>checked</c>: every entry (of the filter) with its problem (null, or the <see cref="AuditChainProblem"/>
    /// number), the value expected and the value stored. An entry is checked against its predecessor in the chain:
    /// its place must be the next one, its previous hash the predecessor's hash, and its content must hash to its hash.
    /// </summary>
    private static string Checked(string filter) => $"""
        WITH ordered AS (
            SELECT e.id, e.chain_id, e.chain_seq, e.previous_hash, e.entry_hash,
                   lag(e.chain_seq) OVER w AS predecessor_seq,
                   lag(e.entry_hash) OVER w AS predecessor_hash,
                   lead(e.chain_seq) OVER w IS NULL AS is_last,
                   {AuditCanonicalForm.HashOfRowE} AS recomputed_hash
            FROM registry.audit_entries e
            {filter}
            WINDOW w AS (PARTITION BY e.chain_id ORDER BY e.chain_seq)
        ),
        judged AS (
            SELECT o.*,
                   CASE WHEN o.chain_seq <> coalesce(o.predecessor_seq, 0) + 1 THEN {(int)AuditChainProblem.Sequence}
                        WHEN o.previous_hash IS DISTINCT FROM o.predecessor_hash THEN {(int)AuditChainProblem.Link}
                        WHEN o.entry_hash IS DISTINCT FROM o.recomputed_hash THEN {(int)AuditChainProblem.Content}
                        WHEN o.is_last AND (h.last_seq, h.last_hash) IS DISTINCT FROM (o.chain_seq, o.entry_hash) THEN {(int)AuditChainProblem.Head}
                   END AS problem,
                   h.last_seq AS head_seq, h.last_hash AS head_hash
            FROM ordered o
            LEFT JOIN registry.audit_chain_heads h ON o.is_last AND h.chain_id = o.chain_id
        ),
        checked AS (
            SELECT j.id, j.chain_id, j.chain_seq, j.predecessor_seq, j.problem,
                   CASE j.problem WHEN {(int)AuditChainProblem.Sequence} THEN (coalesce(j.predecessor_seq, 0) + 1)::text
                                  WHEN {(int)AuditChainProblem.Link} THEN encode(j.predecessor_hash, 'hex')
                                  WHEN {(int)AuditChainProblem.Content} THEN encode(j.recomputed_hash, 'hex')
                                  WHEN {(int)AuditChainProblem.Head} THEN j.head_seq || ':' || encode(j.head_hash, 'hex') END AS expected,
                   CASE j.problem WHEN {(int)AuditChainProblem.Sequence} THEN j.chain_seq::text
                                  WHEN {(int)AuditChainProblem.Link} THEN encode(j.previous_hash, 'hex')
                                  WHEN {(int)AuditChainProblem.Content} THEN encode(j.entry_hash, 'hex')
                                  WHEN {(int)AuditChainProblem.Head} THEN j.chain_seq || ':' || encode(j.entry_hash, 'hex') END AS stored
            FROM judged j
        )

        """;
}
