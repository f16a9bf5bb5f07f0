#!/usr/bin/env bash
# Issue 16's figure: one migration of SIZE_MB megabytes of INSERTs (bench/gen-inserts.py), applied to an
# empty database on the embedded server by `pgpilot up` (wall time, JVM start included) and by
# `psql -1 -f` (the floor: one transaction, no history), RUNS times each, with the load average.
# Usage: bench/bulk-insert-bench.sh [SIZE_MB=50] [RUNS=3]     (run from the project root)
set -euo pipefail
SIZE=${1:-50}; RUNS=${2:-3}
command -v psql >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
B=$(mktemp -d)
cleanup() { ./pgpilot db stop --workdir "$B/server" >/dev/null 2>&1 || true; rm -rf "$B"; }
trap cleanup EXIT
./pgpilot --version >/dev/null   # (re)build the jar now, so no run below times a build
mkdir -p "$B/server" "$B/proj/supabase/migrations"
./pgpilot init --workdir "$B/server" >/dev/null; ./pgpilot db start --workdir "$B/server" >/dev/null
port=$(./pgpilot db status --json --workdir "$B/server" | jq -r .port)
file="$B/proj/supabase/migrations/20260101000000_bulk_rows.sql"
n=$(python3 bench/gen-inserts.py "$file" "$SIZE")
echo "file: $(du -m "$file" | cut -f1) MB, $n INSERTs + 1 CREATE TABLE; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
export PGOPTIONS="-c client_min_messages=warning"
PSQL="psql -X -q -h 127.0.0.1 -p $port -U postgres"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
fresh() { $PSQL -d postgres -c "drop database if exists $1" -c "create database $1" >/dev/null; }
check() { # $1 db: every row is there
  local rows; rows=$($PSQL -d "$1" -tAc "select count(*) from public.bulk_rows")
  [ "$rows" = "$n" ] || { echo "$1: $rows rows, expected $n"; exit 1; }
}
for r in $(seq 1 "$RUNS"); do
  fresh b_pgpilot; t=$(date +%s%N)
  ./pgpilot up --yes --workdir "$B/proj" --db-url "postgresql://postgres@127.0.0.1:$port/b_pgpilot" > "$B/up.log" 2>&1 || { tail -5 "$B/up.log"; exit 1; }
  p=$(ms "$t"); check b_pgpilot
  fresh b_psql; t=$(date +%s%N)
  $PSQL -v ON_ERROR_STOP=1 -d b_psql -1 -f "$file" > /dev/null
  s=$(ms "$t"); check b_psql
  echo "run $r: pgpilot up $p ms, psql -1 -f $s ms, ratio $(echo "scale=2; $p / $s" | bc) (load $(cut -d' ' -f1 /proc/loadavg))"
done
