#!/usr/bin/env bash
# Runs Registry locally: a private PostgreSQL cluster under .local/ (created the first time), migrations,
# demo accounts and organisations, and the API on http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PORT=${REGISTRY_PG_PORT:-5433}
DATA="$ROOT/.local/pgdata"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL from the distribution's packages..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  else
    echo "PostgreSQL is not installed. Install it with: sudo apt-get install postgresql postgresql-contrib (Debian/Ubuntu), then rerun ./run.sh" >&2
    exit 1
  fi
fi
BIN=$(pg_bin)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$ROOT/.local"
if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "Creating a private PostgreSQL cluster in $DATA ..."
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$ROOT/.local"
  as_pg "$BIN/initdb" -D "$DATA" -U registry --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/.local/postgres.log" -w start \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" >/dev/null
fi
if ! psql -h 127.0.0.1 -p "$PORT" -U registry -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='registry'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PORT" -U registry -d postgres -qc "CREATE DATABASE registry" >/dev/null
fi

export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PORT;Database=registry;Username=registry;Maximum Pool Size=64"
export ASPNETCORE_ENVIRONMENT=Development
dotnet build src/Registry.Api -c Release -nologo -v quiet
cd src/Registry.Api/bin/Release/net10.0
dotnet Registry.Api.dll migrate

cat <<INFO

Registry is starting on http://127.0.0.1:5080
  API docs        http://127.0.0.1:5080/docs
  OpenAPI         http://127.0.0.1:5080/openapi/v1.json
  Health          http://127.0.0.1:5080/health/ready
  Job dashboard   http://127.0.0.1:5080/ops/hangfire (administrator; log in with ?useCookies=true)
  Demo accounts (password Registry-Demo-2026!):
    admin@registry.local                 Administrator
    official.casablanca@registry.local   RegionalOfficial, region 06
    official.souss@registry.local        RegionalOfficial, region 09
    analyst@registry.local               MinistryAnalyst
    applicant@registry.local             Applicant
  PostgreSQL      127.0.0.1:$PORT, database registry, user registry (stop: $BIN/pg_ctl -D $DATA stop)

INFO
exec dotnet Registry.Api.dll --urls http://127.0.0.1:5080
