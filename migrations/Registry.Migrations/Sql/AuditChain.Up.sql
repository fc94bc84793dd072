-- Tamper-evident audit trail (issue 7, point 2). Every audit entry joins a hash chain: the entries of one
-- subject, in the order they were appended, each storing the SHA-256 of its canonical content, which includes
-- the hash of the entry before it. A BEFORE INSERT row trigger computes all of it in PostgreSQL, so every
-- writer is covered the same way: the unit of work (EF), the refusal audit (its own connection), and any
-- set-based INSERT … SELECT or COPY. The table is append-only: UPDATE, DELETE and TRUNCATE raise.
-- (The first design took an advisory lock per chain; see registry.audit_chain_heads for why it changed.)
--
-- The chain of an entry (chain_id) is the application the subject came from: the application_id of the entry,
-- else the application_id of the entry's organisation, else the organisation id (an organisation with no
-- application, which the model does not make), else the all-zero uuid (the registry-wide chain: refusals
-- and staff changes about no application or organisation). An organisation's history is read as "its entries
-- or its application's" (GetOrganizationHistory), so an organisation and the application it came from are
-- one subject and one chain, from the draft to the latest status decision.
--
-- Canonical form, version 1 (registry.audit_entry_canonical; Registry.Infrastructure/Audit/AuditCanonicalForm.cs
-- carries the verifier's own copy, README "Tamper-evident audit trail"): the text
--     registry.audit_entries/v1
-- followed by, for each field in this order, a line feed (U+000A) and the field:
--     chain_id, chain_seq, previous_hash, id, occurred_at, actor_id, actor_role, action, outcome,
--     application_id, organization_id, reason, changes
-- A field is "-" when null, otherwise "<n>:<value>" where n is the number of UTF-8 bytes of <value> in decimal,
-- so no value can be mistaken for a separator or for another field. Values: integers in decimal; uuids as
-- PostgreSQL prints them (lower-case, hyphenated); previous_hash in lower-case hex (null for a chain's first
-- entry); occurred_at in UTC as YYYY-MM-DDTHH:MI:SS.ffffffZ (always six fractional digits, PostgreSQL's
-- microsecond precision); texts as stored; changes as PostgreSQL prints jsonb (keys sorted by length then
-- bytes, ", " and ": " separators, strings JSON-escaped). entry_hash = SHA-256 of the canonical text in UTF-8.

ALTER TABLE registry.audit_entries
    ADD COLUMN chain_id uuid,
    ADD COLUMN chain_seq bigint,
    ADD COLUMN previous_hash bytea,
    ADD COLUMN entry_hash bytea;

-- octet_length counts bytes in the database's encoding, which must be UTF-8 for it to be the canonical form's
-- count (converting every field to count its UTF-8 bytes made verification about 30 % slower).
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'The registry''s database must be UTF8 (it is %): the audit chain counts UTF-8 bytes.', current_setting('server_encoding');
    END IF;
END;
$$;

CREATE FUNCTION registry.audit_field(value text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN E'\n' || coalesce(octet_length(value) || ':' || value, '-');

CREATE FUNCTION registry.audit_entry_canonical(
    chain_id uuid, chain_seq bigint, previous_hash bytea, id bigint, occurred_at timestamptz, actor_id uuid,
    actor_role text, action text, outcome text, application_id uuid, organization_id uuid, reason text, changes jsonb)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN 'registry.audit_entries/v1'
        || registry.audit_field(chain_id::text)
        || registry.audit_field(chain_seq::text)
        || registry.audit_field(encode(previous_hash, 'hex'))
        || registry.audit_field(id::text)
        || registry.audit_field(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || registry.audit_field(actor_id::text)
        || registry.audit_field(actor_role)
        || registry.audit_field(action)
        || registry.audit_field(outcome)
        || registry.audit_field(application_id::text)
        || registry.audit_field(organization_id::text)
        || registry.audit_field(reason)
        || registry.audit_field(changes::text);

-- Back-fill (once): each existing entry's chain, its place in the chain by id (the order entries were
-- written in, before the chain existed), then the hashes chain position by chain position.
UPDATE registry.audit_entries e
SET chain_id = k.chain_id, chain_seq = k.chain_seq
FROM (
    SELECT c.id, c.chain_id, row_number() OVER (PARTITION BY c.chain_id ORDER BY c.id) AS chain_seq
    FROM (
        SELECT a.id, COALESCE(a.application_id, o.application_id, a.organization_id, '00000000-0000-0000-0000-000000000000'::uuid) AS chain_id
        FROM registry.audit_entries a
        LEFT JOIN registry.organizations o ON a.application_id IS NULL AND o.id = a.organization_id
    ) c
) k
WHERE k.id = e.id;

ALTER TABLE registry.audit_entries
    ALTER COLUMN chain_id SET NOT NULL,
    ALTER COLUMN chain_seq SET NOT NULL;

-- One entry per position: even a writer that bypassed the lock could not fork a chain, only fail.
CREATE UNIQUE INDEX ux_audit_entries_chain ON registry.audit_entries (chain_id, chain_seq);

WITH RECURSIVE chained AS (
    SELECT e.id, e.chain_id, e.chain_seq, NULL::bytea AS previous_hash,
           sha256(convert_to(registry.audit_entry_canonical(e.chain_id, e.chain_seq, NULL, e.id, e.occurred_at, e.actor_id,
               e.actor_role, e.action, e.outcome, e.application_id, e.organization_id, e.reason, e.changes), 'UTF8')) AS entry_hash
    FROM registry.audit_entries e
    WHERE e.chain_seq = 1
    UNION ALL
    SELECT e.id, e.chain_id, e.chain_seq, p.entry_hash,
           sha256(convert_to(registry.audit_entry_canonical(e.chain_id, e.chain_seq, p.entry_hash, e.id, e.occurred_at, e.actor_id,
               e.actor_role, e.action, e.outcome, e.application_id, e.organization_id, e.reason, e.changes), 'UTF8'))
    FROM chained p
    JOIN registry.audit_entries e ON e.chain_id = p.chain_id AND e.chain_seq = p.chain_seq + 1
)
UPDATE registry.audit_entries e
SET previous_hash = c.previous_hash, entry_hash = c.entry_hash
FROM chained c
WHERE c.id = e.id;

ALTER TABLE registry.audit_entries ALTER COLUMN entry_hash SET NOT NULL;

-- The head of every chain: its last place and hash. Appending updates the chain's head row, and that row lock,
-- held until the appending transaction ends, is what serialises two writers on one chain: the second waits,
-- then (ON CONFLICT DO UPDATE under READ COMMITTED) reads the head the first committed. A row lock lives in
-- the row, not in PostgreSQL's shared lock table, so one transaction may append to a million chains (an
-- advisory lock per chain ran out of shared memory at about 6,400 chains). The heads are not evidence: the
-- verifier recomputes the chains from the entries, and only compares each chain's last entry with its head
-- (which catches the removal of a chain's last entries unless the head was rewritten too).
CREATE TABLE registry.audit_chain_heads (
    chain_id uuid PRIMARY KEY,
    last_seq bigint NOT NULL,
    last_hash bytea -- null only inside the transaction that starts the chain, until its first entry is hashed
) WITH (fillfactor = 70);

INSERT INTO registry.audit_chain_heads (chain_id, last_seq, last_hash)
SELECT DISTINCT ON (e.chain_id) e.chain_id, e.chain_seq, e.entry_hash
FROM registry.audit_entries e
ORDER BY e.chain_id, e.chain_seq DESC;

-- Appending: the chain's head gives the place and the previous hash; a multi-row INSERT or a COPY goes through
-- the head row once per row, so a set-based writer chains its own rows too (a writer touching several chains
-- in one transaction should insert them in chain order, or two such writers may deadlock and one be retried).
-- The values a writer gives the four chain columns are ignored.
-- enable_seqscan = off: PL/pgSQL caches a session's plans, and a plan made while audit_chain_heads (or
-- organizations) was nearly empty is a sequential scan that stays with the pooled connection as the table grows
-- (measured: 10,000 appends over 100,000 chains took 179 s instead of 1.1 s). Every lookup here is by primary key.
CREATE FUNCTION registry.audit_entries_chain() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off
AS $$
BEGIN
    NEW.chain_id := COALESCE(
        NEW.application_id,
        (SELECT o.application_id FROM registry.organizations o WHERE o.id = NEW.organization_id),
        NEW.organization_id,
        '00000000-0000-0000-0000-000000000000'::uuid);
    INSERT INTO registry.audit_chain_heads AS h (chain_id, last_seq, last_hash)
    VALUES (NEW.chain_id, 1, NULL)
    ON CONFLICT (chain_id) DO UPDATE SET last_seq = h.last_seq + 1
    RETURNING h.last_seq, h.last_hash INTO NEW.chain_seq, NEW.previous_hash;
    NEW.entry_hash := sha256(convert_to(registry.audit_entry_canonical(NEW.chain_id, NEW.chain_seq, NEW.previous_hash, NEW.id,
        NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.outcome, NEW.application_id, NEW.organization_id,
        NEW.reason, NEW.changes), 'UTF8'));
    UPDATE registry.audit_chain_heads SET last_hash = NEW.entry_hash WHERE chain_id = NEW.chain_id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entries_chain BEFORE INSERT ON registry.audit_entries
    FOR EACH ROW EXECUTE FUNCTION registry.audit_entries_chain();

-- Append-only. Grants cannot do this when the application connects as the table's owner; a trigger can. The
-- owner (or a superuser) can still disable or drop it, or skip it with session_replication_role = replica:
-- what the trigger cannot prevent, the chain detects (`registry audit verify`, GET /api/v1/admin/audit/verify).
CREATE FUNCTION registry.audit_entries_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'registry.audit_entries is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries are never changed or removed; a correction is a new entry.';
END;
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON registry.audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION registry.audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON registry.audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION registry.audit_entries_append_only();
