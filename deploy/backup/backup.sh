#!/usr/bin/env bash
# A logical backup of the registry's database: one consistent snapshot (pg_dump runs in one repeatable-read
# transaction, so a backup taken under load is still a single moment), in pg_dump's custom format, with a
# SHA-256 beside it. Writers are not blocked.
#
#   deploy/backup/backup.sh "postgresql://registry@db:5432/registry" /backups/registry-$(date -u +%Y%m%dT%H%M%SZ).dump
#
# The password comes from PGPASSWORD or ~/.pgpass, never from the command line. PG_BIN may name the folder of
# pg_dump (default: the one on PATH); it must be the server's major version or newer.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 CONNECTION_URI OUT_FILE" >&2
    exit 2
fi

uri=$1
out=$2
pg_dump=${PG_BIN:+$PG_BIN/}pg_dump
partial="$out.partial"

# Written under another name and renamed at the end, so a file with the final name is always a whole backup.
"$pg_dump" --dbname="$uri" --format=custom --compress=6 --no-owner --no-privileges --file="$partial"
sha256sum "$partial" | sed "s#$partial#$(basename "$out")#" > "$out.sha256"
mv "$partial" "$out"
echo "backup: $out ($(stat -c %s "$out") bytes), sha256 $(cut -d' ' -f1 "$out.sha256")"
