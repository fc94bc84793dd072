namespace Registry.Infrastructure.Audit;

/// <summary>
/// The canonical form of an audit entry (version 1), as a SQL expression over a row <c>e</c> of
/// <c>registry.audit_entries</c>. The trigger that appends entries uses the database's
/// <c>registry.audit_entry_canonical</c> (migrations/Registry.Migrations/Sql/AuditChain.Up.sql); the verifier
/// carries this copy of its own, with every function taken from <c>pg_catalog</c>, so that replacing the
/// database's function cannot make a changed entry verify.
/// </summary>
/// <remarks>
/// The text <c>registry.audit_entries/v1</c>, then for each field, in this order, a line feed and the field:
/// chain_id, chain_seq, previous_hash, id, occurred_at, actor_id, actor_role, action, outcome, application_id,
/// organization_id, reason, changes. A null field is <c>-</c>; any other is <c>n:value</c>, n being the number of
/// UTF-8 bytes of the value in decimal. Integers in decimal; uuids lower-case and hyphenated; previous_hash in
/// lower-case hex (null for a chain's first entry); occurred_at in UTC as <c>YYYY-MM-DDTHH:MI:SS.ffffffZ</c>;
/// texts as stored; changes as PostgreSQL prints jsonb. The entry's hash is the SHA-256 of the text in UTF-8.
/// The byte counts use <c>octet_length</c>, which counts UTF-8 bytes because the migration requires a UTF8 database.
/// </remarks>
public static class AuditCanonicalForm
{
    public const string Version = "registry.audit_entries/v1";

    /// <summary>The SHA-256 of the canonical form of row <c>e</c>, as <c>bytea</c>.</summary>
    public static readonly string HashOfRowE =
        $"pg_catalog.sha256(pg_catalog.convert_to('{Version}'"
        + Field("e.chain_id::text")
        + Field("e.chain_seq::text")
        + Field("pg_catalog.encode(e.previous_hash, 'hex')")
        + Field("e.id::text")
        + Field("pg_catalog.to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        + Field("e.actor_id::text")
        + Field("e.actor_role::text")
        + Field("e.action::text")
        + Field("e.outcome::text")
        + Field("e.application_id::text")
        + Field("e.organization_id::text")
        + Field("e.reason::text")
        + Field("e.changes::text")
        + ", 'UTF8'))";

    private static string Field(string value) =>
        $" || E'\\n' || coalesce(pg_catalog.octet_length({value}) || ':' || {value}, '-')";
}
