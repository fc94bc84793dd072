#!/usr/bin/env bash
# How fast is this machine right now? Prints pgbench's select-only throughput (16 clients, primary-key
# SELECTs) on the benchmark's own PostgreSQL, beside the figure ENVIRONMENT.md gives for the reference
# machine, so that a benchmark's absolute figures can be read against the machine they were measured on.
# The machines these benchmarks run on are virtual, with 2 cores, and their speed has varied several-fold
# from one session to the next (benchmarks/README.md, "Machine speed").
#
#   benchmarks/machine-speed.sh PORT [HOST] [SECONDS]    (HOST 127.0.0.1, SECONDS 10; superuser postgres, trust)
#
# Creates a scratch database `machine_speed` (pgbench scale 10, 1,000,000 rows), measures, and drops it.
set -euo pipefail
PORT=${1:?usage: machine-speed.sh PORT [HOST] [SECONDS]}
HOST=${2:-127.0.0.1}
SECONDS_MEASURED=${3:-10}
REFERENCE_TPS=58900
BIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_pg "$BIN/$1" -h "$HOST" -p "$PORT" -U postgres "${@:2}"; }

pg dropdb --if-exists machine_speed >/dev/null 2>&1
pg createdb machine_speed
trap 'pg dropdb --if-exists machine_speed >/dev/null 2>&1' EXIT
pg pgbench -i -q -s 10 machine_speed >/dev/null 2>&1
tps=$(pg pgbench -S -c 16 -j 2 -T "$SECONDS_MEASURED" machine_speed 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
awk -v t="$tps" -v r="$REFERENCE_TPS" 'BEGIN {
  printf "machine speed: pgbench select-only, 16 clients: %.0f tps = %.2f x the reference machine of ENVIRONMENT.md (%d tps)\n", t, t / r, r }'
