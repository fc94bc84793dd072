#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database (create it first, owned by the registry's role),
# in one transaction: either everything is restored or nothing is. The backup's SHA-256 is checked first.
#
#   createdb -O registry registry_restored
#   deploy/backup/restore.sh /backups/registry-20261126T020000Z.dump "postgresql://registry@db2:5432/registry_restored"
#
# Then check it: `dotnet run --project src/Registry.Cli -- audit verify` (ConnectionStrings__Registry set to it) against the restored database (every audit chain intact), and compare
# `SELECT count(*) FROM registry.organizations` with the figure the backup's day reported.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 BACKUP_FILE CONNECTION_URI" >&2
    exit 2
fi

file=$1
uri=$2
pg_restore=${PG_BIN:+$PG_BIN/}pg_restore

if [[ -f "$file.sha256" ]]; then
    expected=$(cut -d' ' -f1 "$file.sha256")
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [[ "$expected" != "$actual" ]]; then
        echo "restore: $file does not match its SHA-256 ($actual, expected $expected); nothing restored" >&2
        exit 1
    fi
else
    echo "restore: no $file.sha256 beside the backup; restoring without checking it" >&2
fi

"$pg_restore" --dbname="$uri" --single-transaction --exit-on-error --no-owner --no-privileges "$file"
echo "restore: $file restored"
