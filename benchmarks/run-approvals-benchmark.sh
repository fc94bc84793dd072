#!/usr/bin/env bash
# Approvals benchmark (issue 5): >= 1,000 approvals per second sustained across regions with p95 <= 50 ms, and the
# registration numbers still gap-free afterwards. POST /api/v1/applications/{id}/approve over HTTP against the real
# API process, C concurrent clients, each approval with the bearer token of the official of the application's region.
#
#   benchmarks/run-approvals-benchmark.sh
#   APPROVALS_APPLICATIONS=40000 APPROVALS_CLIENTS=16 benchmarks/run-approvals-benchmark.sh
#
# Environment (all optional):
#   APPROVALS_APPLICATIONS=30000  submitted, lawful applications prepared (not measured), spread over the 12 regions
#   APPROVALS_CLIENTS=32          concurrent clients (closed loop, no think time)
#   APPROVALS_SECONDS=20          measured period (stops earlier if the applications run out)
#   APPROVALS_WARMUP=15, APPROVALS_WARMUP_APPROVALS=3000  the warm-up before it lasts at least this long and this many approvals,
#                                 and until the API's JIT has settled (its tiering threads at most 5 % of its CPU; at most 300 s)
#   APPROVALS_DURABLE=1           1: PostgreSQL as in production (fsync, synchronous_commit on); 0: durability off
#   APPROVALS_IDEMPOTENCY=0       1: every approval carries an Idempotency-Key
#   APPROVALS_PG_STATEMENTS=0     1: print the top statements of pg_stat_statements afterwards (for profiling)
#   APPROVALS_API_LOG_LEVEL=config  `config` keeps appsettings.json's Serilog levels (what production runs), or a level
#   APPROVALS_API_CS_OPTIONS=     appended to the API's connection string, e.g. "Max Auto Prepare=0" (the product's
#                                 default is 64 prepared statements per connection) to measure without prepared statements
#   APPROVALS_PG_PORT=            PostgreSQL port (default: the first free from 55600); APPROVALS_API_PORT=5082
#   APPROVALS_WORKDIR=            keep the cluster in that folder (reused next time); default a fresh /tmp folder, deleted
# Exit code 0 when the integrity checks pass (the speed verdict is printed either way), 1 when they fail.
#
# Everything runs on this machine: the load driver, the API and PostgreSQL share its cores (see benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APPLICATIONS=${APPROVALS_APPLICATIONS:-30000}
CLIENTS=${APPROVALS_CLIENTS:-32}
SECONDS_MEASURED=${APPROVALS_SECONDS:-20}
WARMUP=${APPROVALS_WARMUP:-15}
WARMUP_APPROVALS=${APPROVALS_WARMUP_APPROVALS:-3000}
DURABLE=${APPROVALS_DURABLE:-1}
LOG_LEVEL=${APPROVALS_API_LOG_LEVEL:-config}
API_PORT=${APPROVALS_API_PORT:-5082}
BIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ADMIN_EMAIL=admin@bench.local
ADMIN_PASSWORD=Bench-Admin-2026!

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
load() { printf 'uptime:%s; cpu pressure: %s\n' "$(uptime | sed 's/.*load average/ load average/')" "$(head -1 /proc/pressure/cpu 2>/dev/null || echo n/a)"; }

port_free "$API_PORT" || { echo "port $API_PORT is in use" >&2; exit 1; }

# --- throwaway PostgreSQL 15 -------------------------------------------------------------------------------
PG_PORT=${APPROVALS_PG_PORT:-}
if [ -z "$PG_PORT" ]; then
  for p in $(seq 55600 55699); do if port_free "$p"; then PG_PORT=$p; break; fi; done
fi
WORK=${APPROVALS_WORKDIR:-$(mktemp -d /tmp/registry-approvals-bench.XXXXXX)}
DATA=$WORK/pg
REUSE=0; [ -n "${APPROVALS_WORKDIR:-}" ] && [ -f "$DATA/PG_VERSION" ] && REUSE=1
mkdir -p "$DATA"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK"
API_PID=
cleanup() {
  set +e
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1
  if [ -n "${APPROVALS_WORKDIR:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

if [ "$DURABLE" = 1 ]; then DURABILITY="fsync = on
synchronous_commit = on
full_page_writes = on"; else DURABILITY="fsync = off
synchronous_commit = off
full_page_writes = off"; fi
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') cluster in $DATA on port $PG_PORT (durable: $DURABLE)"
if [ $REUSE = 0 ]; then
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
random_page_cost = 1.1
max_wal_size = 4GB
shared_preload_libraries = 'pg_stat_statements'
CONF
fi
# The settings that vary between runs go last (the last occurrence wins).
sed -i '/^# bench-run$/,$d' "$DATA/postgresql.conf"
printf '# bench-run\nport = %s\n%s\n' "$PG_PORT" "$DURABILITY" >>"$DATA/postgresql.conf"
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$WORK/postgres.log" -w start >/dev/null
if [ $REUSE = 0 ]; then "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE registry" >/dev/null; fi
# The API's pool as in appsettings.json (Maximum Pool Size=64).
CS="Host=127.0.0.1;Port=$PG_PORT;Database=registry;Username=postgres;Maximum Pool Size=64"

# --- build and migrate (the deploy step) ------------------------------------------------------------------
log "building the API and the benchmark (Release)"
(cd src/Registry.Api && dotnet build -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)|Elapsed" || true)
dotnet build benchmarks/Registry.Benchmarks.Approvals -c Release -nologo -v q 2>&1 | grep -E " error |rror\(s\)|Elapsed" || true
export ConnectionStrings__Registry="$CS${APPROVALS_API_CS_OPTIONS:+;$APPROVALS_API_CS_OPTIONS}" ASPNETCORE_ENVIRONMENT=Production Hangfire__ServerEnabled=false
# The preparation logs in one official per region from this one address: past the production log-in limit.
export Registry__RateLimits__Login__PermitLimit=1000
if [ "$LOG_LEVEL" != config ]; then export Serilog__MinimumLevel__Default="$LOG_LEVEL"; fi
log "migrating"
(cd src/Registry.Api && dotnet bin/Release/net10.0/Registry.Api.dll migrate | tail -1)

# --- the API ----------------------------------------------------------------------------------------------
log "starting the API on http://127.0.0.1:$API_PORT"
(cd src/Registry.Api/bin/Release/net10.0 && Registry__BootstrapAdmin__Email="$ADMIN_EMAIL" Registry__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
  exec dotnet Registry.Api.dll --urls "http://127.0.0.1:$API_PORT") >"$WORK/api.log" 2>&1 &
API_PID=$!

# --- the benchmark ----------------------------------------------------------------------------------------
EXTRA=()
[ "${APPROVALS_IDEMPOTENCY:-0}" = 1 ] && EXTRA+=(--idempotency-keys)
[ "${APPROVALS_PG_STATEMENTS:-0}" = 1 ] && EXTRA+=(--pg-statements)
echo "machine before: $(load)"
benchmarks/machine-speed.sh "$PG_PORT" || echo "machine speed: not measured (pgbench failed)"
set +e
dotnet benchmarks/Registry.Benchmarks.Approvals/bin/Release/net10.0/Registry.Benchmarks.Approvals.dll \
  --api "http://127.0.0.1:$API_PORT" --connection "$CS" --admin-email "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" \
  --api-pid "$API_PID" --postmaster-pid "$(head -1 "$DATA/postmaster.pid")" \
  --applications "$APPLICATIONS" --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup-seconds "$WARMUP" --warmup-approvals "$WARMUP_APPROVALS" "${EXTRA[@]}"
STATUS=$?
set -e
echo "machine after:  $(load)"
echo "cores: $(nproc); PostgreSQL durable: $DURABLE; API log level: $LOG_LEVEL; API connection options: ${APPROVALS_API_CS_OPTIONS:-none}; API errors logged: $(grep -c '"@l":"Error"' "$WORK/api.log" || true)"
exit $STATUS
