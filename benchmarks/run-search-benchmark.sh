#!/usr/bin/env bash
# Name-search benchmark (issue 3): starts a throwaway PostgreSQL 15 cluster tuned for benchmarking (no
# durability), then runs benchmarks/Registry.Benchmarks, which creates the database, applies the real
# schema with `Registry.Api migrate`, loads synthetic organisations and measures the search queries.
#
#   benchmarks/run-search-benchmark.sh [program arguments...]
#     e.g. benchmarks/run-search-benchmark.sh --organizations 1000000 --clients 16 --seconds 20 --variant all
#   benchmarks/run-search-benchmark.sh --stop     stops the cluster (the data folder is kept for the next run)
#   benchmarks/run-search-benchmark.sh --destroy  stops the cluster and deletes its data folder
#
# Environment: BENCH_PG_PORT (55432), BENCH_PG_DATA (/tmp/registry-bench-pg), BENCH_DB (registry_bench).
# The cluster is private to this machine (127.0.0.1, trust authentication) and is NOT for real data:
# fsync, synchronous_commit and full_page_writes are off.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${BENCH_PG_PORT:-55432}
DATA=${BENCH_PG_DATA:-/tmp/registry-bench-pg}
DB=${BENCH_DB:-registry_bench}
BIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  --stop) as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop || true; exit 0 ;;
  --destroy) as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop || true; rm -rf "$DATA"; exit 0 ;;
esac

if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "Creating a benchmark PostgreSQL cluster in $DATA (port $PORT) ..."
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$DATA/postgresql.conf" <<CONF
# benchmark cluster: durability off, memory sized for a 24 GiB machine
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '/tmp'
max_connections = 100
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 32MB
maintenance_work_mem = 1GB
random_page_cost = 1.1
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 8GB
checkpoint_timeout = 30min
autovacuum = on
shared_preload_libraries = 'pg_stat_statements'
CONF
fi
if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/postgres.log" -w start >/dev/null
fi

CS="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres;Maximum Pool Size=64;Timeout=30;Command Timeout=600"
echo "PostgreSQL $($BIN/postgres --version | awk '{print $3}') on 127.0.0.1:$PORT, database $DB (stop: $0 --stop)"
"$ROOT/benchmarks/machine-speed.sh" "$PORT" || echo "machine speed: not measured (pgbench failed)"
dotnet run -c Release --project "$ROOT/benchmarks/Registry.Benchmarks" -- search --connection "$CS" "$@"
