DROP TRIGGER audit_entries_no_truncate ON registry.audit_entries;
DROP TRIGGER audit_entries_append_only ON registry.audit_entries;
DROP FUNCTION registry.audit_entries_append_only();
DROP TRIGGER audit_entries_chain ON registry.audit_entries;
DROP FUNCTION registry.audit_entries_chain();
DROP TABLE registry.audit_chain_heads;
DROP INDEX registry.ux_audit_entries_chain;
ALTER TABLE registry.audit_entries
    DROP COLUMN entry_hash,
    DROP COLUMN previous_hash,
    DROP COLUMN chain_seq,
    DROP COLUMN chain_id;
DROP FUNCTION registry.audit_entry_canonical(uuid, bigint, bytea, bigint, timestamptz, uuid, text, text, text, uuid, uuid, text, jsonb);
DROP FUNCTION registry.audit_field(text);
