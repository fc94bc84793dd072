#!/usr/bin/env bash
# Profile-lookup benchmark (issue 5): GET /api/v1/organizations/{registrationNumber} against a bare endpoint
# doing the same SELECT with raw Npgsql (benchmarks/Registry.Benchmarks.Baseline), both measured in one run
# with `wrk -t2 -c64 -d20s --latency` on random existing registration numbers.
#
#   benchmarks/run-lookup-benchmark.sh
#
# Environment (all optional):
#   LOOKUP_ORGS=100000       organisations to load
#   LOOKUP_DURATION=20s      wrk duration of each measured run;  LOOKUP_WARMUP=15s per app before measuring
#   LOOKUP_ROUNDS=1          measured runs per app, alternating baseline/API; the figures are the median round
#   LOOKUP_API_LOG_LEVEL=Warning   Serilog minimum level of the API; `config` keeps appsettings.json's levels
#   LOOKUP_LOADER=auto       auto (Registry.Cli generate, SQL if it fails) | cli | sql
#   LOOKUP_WORKDIR=          a folder to keep the cluster and its data in and reuse on the next run (for
#                            measuring one change after another); by default a fresh /tmp folder, deleted at the end
# Target: API req/s >= 0.6 x baseline req/s and API p99 <= 25 ms. Exit code 0 either way; the verdict is printed.
#
# Everything runs on this machine: wrk, the two apps and PostgreSQL share its cores (see benchmarks/README.md).
# The cluster is private (127.0.0.1, trust authentication, durability off) and deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ORGS=${LOOKUP_ORGS:-100000}
DURATION=${LOOKUP_DURATION:-20s}
WARMUP=${LOOKUP_WARMUP:-15s}
ROUNDS=${LOOKUP_ROUNDS:-1}
LOG_LEVEL=${LOOKUP_API_LOG_LEVEL:-Warning}
LOADER=${LOOKUP_LOADER:-auto}
API_PORT=5090
BASE_PORT=5091
BIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- tools -------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  log "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for p in $API_PORT $BASE_PORT; do port_free "$p" || { echo "port $p is in use" >&2; exit 1; }; done

# --- throwaway PostgreSQL 15 -------------------------------------------------------------------------------
PG_PORT=${LOOKUP_PG_PORT:-}
if [ -z "$PG_PORT" ]; then
  for p in $(seq 55500 55599); do if port_free "$p"; then PG_PORT=$p; break; fi; done
fi
WORK=${LOOKUP_WORKDIR:-$(mktemp -d /tmp/registry-lookup-bench.XXXXXX)}
DATA=$WORK/pg
REUSE=0; [ -n "${LOOKUP_WORKDIR:-}" ] && [ -s "$WORK/numbers.txt" ] && [ -f "$DATA/PG_VERSION" ] && REUSE=1
mkdir -p "$DATA"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK"
API_PID= BASE_PID=
cleanup() {
  set +e
  for pid in $API_PID $BASE_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1
  if [ -n "${LOOKUP_WORKDIR:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') cluster in $DATA on port $PG_PORT"
if [ $REUSE = 1 ]; then
  sed -i "s/^port = .*/port = $PG_PORT/" "$DATA/postgresql.conf"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$WORK/postgres.log" -w start >/dev/null
else
as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
random_page_cost = 1.1
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
CONF
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$WORK/postgres.log" -w start >/dev/null
"$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE registry" >/dev/null
fi
# The same pool for both apps: the API's appsettings.json uses Maximum Pool Size=64.
CS="Host=127.0.0.1;Port=$PG_PORT;Database=registry;Username=postgres;Maximum Pool Size=64"
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d registry -v ON_ERROR_STOP=1 -qAt)

# --- build and migrate (the deploy step) ------------------------------------------------------------------
log "building the API and the baseline (Release)"
(cd src/Registry.Api && dotnet build -c Release -nologo -v q 2>&1 | grep -E "error|Warn|Elapsed" || true)
dotnet build benchmarks/Registry.Benchmarks.Baseline -c Release -nologo -v q 2>&1 | grep -E "error|Elapsed" || true
log "migrating"
(cd src/Registry.Api && ConnectionStrings__Registry="$CS" Hangfire__ServerEnabled=false ASPNETCORE_ENVIRONMENT=Production \
  Serilog__MinimumLevel__Default=Warning dotnet bin/Release/net10.0/Registry.Api.dll migrate | tail -1)

# --- data --------------------------------------------------------------------------------------------------
load_sql() {
  # Applications (approved) and their organisations; later migrations' columns have defaults or are nullable.
  "${PSQL[@]}" <<SQL
INSERT INTO registry.applications (id, owner_id, status, legal_form, name_ar, name_latin, sector_code, seat_address,
    province_code, region_code, founding_date, financial_year_end, created_at, updated_at, submitted_at, decided_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'Approved', f.form, 'تعاونية ' || i, 'Organisation ' || i,
    s.code, i || ' rue de la Coopération', p.code, p.region_code, date '2000-01-01' + (i % 9000), '12-31',
    now(), now(), now(), now()
FROM generate_series(1, $ORGS) AS i
CROSS JOIN LATERAL (SELECT (ARRAY['COOP','ASSO','UNION','MUTU'])[1 + i % 4] AS form) f
CROSS JOIN LATERAL (SELECT code, region_code FROM registry.provinces ORDER BY code OFFSET i % (SELECT count(*) FROM registry.provinces) LIMIT 1) p
CROSS JOIN LATERAL (SELECT code FROM registry.sectors ORDER BY code OFFSET i % (SELECT count(*) FROM registry.sectors) LIMIT 1) s;

INSERT INTO registry.organizations (id, registration_number, application_id, owner_id, legal_form, name_ar, name_latin,
    sector_code, seat_address, province_code, region_code, founding_date, financial_year_end, status, registered_at,
    status_changed_at, member_count, women_member_count)
SELECT gen_random_uuid(),
    a.legal_form || '-' || a.region_code || '-2025-' || lpad((row_number() OVER (PARTITION BY a.legal_form, a.region_code ORDER BY a.id))::text, 6, '0'),
    a.id, a.owner_id, a.legal_form, a.name_ar, a.name_latin, a.sector_code, a.seat_address, a.province_code, a.region_code,
    a.founding_date, a.financial_year_end, 'Active', now(), now(), 20, 9
FROM registry.applications a;
UPDATE registry.applications a SET organization_id = o.id FROM registry.organizations o WHERE o.application_id = a.id;
SQL
}
NUMBERS=$WORK/numbers.txt
if [ $REUSE = 1 ]; then
  log "reusing the data in $WORK ($(wc -l <"$NUMBERS") organisations)"
else
log "loading $ORGS organisations"
loaded=0
if [ "$LOADER" != sql ] && [ -f src/Registry.Cli/Registry.Cli.csproj ]; then
  if dotnet run --project src/Registry.Cli -c Release -- generate --connection "$CS" --organizations "$ORGS" >"$WORK/cli.log" 2>&1; then
    loaded=1; log "loaded with Registry.Cli generate"
  else
    log "Registry.Cli generate failed (tail of its output below)"; tail -5 "$WORK/cli.log" >&2
    [ "$LOADER" = cli ] && exit 1
    # start again from a clean schema for the SQL loader
    "${PSQL[@]}" -c "TRUNCATE registry.organizations, registry.applications CASCADE" >/dev/null
  fi
fi
if [ $loaded = 0 ]; then load_sql; log "loaded with INSERT ... SELECT generate_series"; fi
"${PSQL[@]}" -c "VACUUM ANALYZE" >/dev/null
"${PSQL[@]}" -c "SELECT registration_number FROM registry.organizations" >"$NUMBERS"
log "$(wc -l <"$NUMBERS") registration numbers in $NUMBERS"
fi

# --- the two apps ------------------------------------------------------------------------------------------
api_env=(ASPNETCORE_ENVIRONMENT=Production Hangfire__ServerEnabled=false ConnectionStrings__Registry="$CS")
[ "$LOG_LEVEL" != config ] && api_env+=(Serilog__MinimumLevel__Default="$LOG_LEVEL")
(cd src/Registry.Api && exec env "${api_env[@]}" dotnet bin/Release/net10.0/Registry.Api.dll --urls "http://127.0.0.1:$API_PORT") >"$WORK/api.log" 2>&1 &
API_PID=$!
(cd benchmarks/Registry.Benchmarks.Baseline && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Registry="$CS" \
  dotnet bin/Release/net10.0/Registry.Benchmarks.Baseline.dll --urls "http://127.0.0.1:$BASE_PORT") >"$WORK/baseline.log" 2>&1 &
BASE_PID=$!
SAMPLE=$(head -1 "$NUMBERS")
API_PATH=/api/v1/organizations/
BASE_PATH=/baseline/organizations/
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$API_PORT$API_PATH$SAMPLE" && curl -fs -o /dev/null "http://127.0.0.1:$BASE_PORT$BASE_PATH$SAMPLE" && break
  sleep 0.5
done
for url in "http://127.0.0.1:$API_PORT$API_PATH$SAMPLE" "http://127.0.0.1:$BASE_PORT$BASE_PATH$SAMPLE"; do
  curl -fsS "$url" -o "$WORK/sample.json" || { echo "no answer from $url" >&2; tail -20 "$WORK/api.log" "$WORK/baseline.log" >&2; exit 1; }
  log "GET $url -> $(head -c 160 "$WORK/sample.json")..."
done

# --- measure -----------------------------------------------------------------------------------------------
run_wrk() { # name port path duration -> prints the RESULT line
  wrk -t2 -c64 -d"$4" --latency -s benchmarks/lookup.lua "http://127.0.0.1:$2" -- "$NUMBERS" "$3" >"$WORK/wrk-$1.txt" 2>&1
  cat "$WORK/wrk-$1.txt" >&2
  grep '^RESULT' "$WORK/wrk-$1.txt"
}
log "warm-up ($WARMUP each)"
run_wrk warm-base $BASE_PORT $BASE_PATH "$WARMUP" >/dev/null 2>&1
run_wrk warm-api $API_PORT $API_PATH "$WARMUP" >/dev/null 2>&1
: >"$WORK/results.txt"
# Other work on the machine skews every figure: record how busy it was (load average, CPU pressure).
busy() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)$( [ -r /proc/pressure/cpu ] && echo ", CPU pressure (some, avg60) $(awk '/some/{sub("avg60=","",$3); print $3}' /proc/pressure/cpu)%")"; }
log "before measuring: $(busy)"
benchmarks/machine-speed.sh "$PG_PORT" | tee "$WORK/machine-speed.txt" >&2 || true
for round in $(seq "$ROUNDS"); do
  log "round $round/$ROUNDS: baseline ($DURATION)"
  echo "baseline $(run_wrk base-$round $BASE_PORT $BASE_PATH "$DURATION")" >>"$WORK/results.txt"
  log "round $round/$ROUNDS: API ($DURATION)"
  echo "api $(run_wrk api-$round $API_PORT $API_PATH "$DURATION")" >>"$WORK/results.txt"
done
log "after measuring: $(busy)"

# --- report ------------------------------------------------------------------------------------------------
awk -v rounds="$ROUNDS" -v orgs="$(wc -l <"$NUMBERS")" -v loglevel="$LOG_LEVEL" -v cores="$(nproc)" '
  function field(line, key,   i, n, kv) { n = split(line, kv, " "); for (i = 1; i <= n; i++) if (index(kv[i], key "=") == 1) return substr(kv[i], length(key) + 2); return "" }
  { who = $1; n[who]++; rps[who, n[who]] = field($0, "rps") + 0; line[who, n[who]] = $0 }
  END {
    # the median round of each app by req/s
    for (w in n) { m = n[w]; for (i = 1; i <= m; i++) idx[i] = i
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (rps[w, idx[j]] < rps[w, idx[i]]) { t = idx[i]; idx[i] = idx[j]; idx[j] = t }
      med[w] = line[w, idx[int((m + 1) / 2)]] }
    printf "\nProfile lookup, wrk -t2 -c64, %d organisations, %d round(s), API log level %s, %d cores shared by wrk, apps and PostgreSQL\n", orgs, rounds, loglevel, cores
    printf "%-10s %10s %9s %9s %9s %9s %8s\n", "endpoint", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-2xx"
    split("baseline api", order, " ")
    for (k = 1; k <= 2; k++) { w = order[k]; l = med[w]
      printf "%-10s %10.0f %9.2f %9.2f %9.2f %9.2f %8d\n", w, field(l, "rps"), field(l, "p50_ms"), field(l, "p90_ms"), field(l, "p99_ms"), field(l, "max_ms"), field(l, "non2xx") + field(l, "socket_errors") }
    ratio = field(med["api"], "rps") / field(med["baseline"], "rps"); p99 = field(med["api"], "p99_ms") + 0
    printf "ratio API/baseline = %.2f (target >= 0.60): %s;  API p99 = %.2f ms (target <= 25): %s\n", ratio, (ratio >= 0.6 ? "met" : "NOT met"), p99, (p99 <= 25 ? "met" : "NOT met")
    if (rounds > 1) { print "all rounds:"; for (w in n) for (i = 1; i <= n[w]; i++) print "  " line[w, i] }
  }' "$WORK/results.txt"
cat "$WORK/machine-speed.txt" 2>/dev/null || true
