#!/bin/bash
# A hot standby of the primary. On an empty data folder, clone the primary with pg_basebackup: -R writes
# primary_conninfo and standby.signal, -C -S creates the replication slot that keeps the WAL the standby still needs.
# Then hand over to the image's own entrypoint, which finds an initialised folder and starts PostgreSQL.
set -euo pipefail

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 0700 "$PGDATA"
    until PGPASSWORD="$REGISTRY_REPLICATION_PASSWORD" gosu postgres \
        pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream -C -S registry_replica -c fast; do
        echo "waiting for the primary..."
        rm -rf "${PGDATA:?}"/*
        sleep 2
    done
fi

# The standby reconnects to the primary with this password (outside the data folder, so written at every start).
echo "$PRIMARY_HOST:5432:replication:replicator:$REGISTRY_REPLICATION_PASSWORD" > /var/lib/postgresql/.pgpass
chown postgres:postgres /var/lib/postgresql/.pgpass
chmod 0600 /var/lib/postgresql/.pgpass

exec docker-entrypoint.sh postgres -c hot_standby=on
