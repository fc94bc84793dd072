#!/bin/bash
# Run by the postgres image's entrypoint once, when it creates the primary's data folder
# (/docker-entrypoint-initdb.d): a role for streaming replication, allowed to connect for replication.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v password="$REGISTRY_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL

echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
