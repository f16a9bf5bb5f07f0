#!/usr/bin/env bash
# Issue 2's status target: `./pgpilot status` on 2,000 applied migrations, wall time including JVM start.
# Generates 2,000 migrations (bench/gen-migrations.sh), applies them to a fresh database on an embedded
# server, then times RUNS status calls through the launcher (JVM flags and class-data archive included).
# Usage: bench/status-bench.sh [RUNS=10]     (run from the project root)
set -euo pipefail
RUNS=${1:-10}
B=$(mktemp -d); trap './pgpilot db stop --workdir "$B/server" >/dev/null 2>&1 || true; rm -rf "$B"' EXIT
./pgpilot --version >/dev/null   # (re)build the jar and its class-data archive now, so no run times a build
mkdir -p "$B/server"; ./pgpilot db start --workdir "$B/server" >/dev/null
port=$(./pgpilot db status --json --workdir "$B/server" | sed -E 's/.*"port": ([0-9]+).*/\1/')
url="postgresql://postgres@127.0.0.1:$port/postgres"
bench/gen-migrations.sh 2000 "$B/proj/supabase/migrations"
./pgpilot up --yes --workdir "$B/proj" --db-url "$url" >/dev/null
./pgpilot status --workdir "$B/proj" --db-url "$url" | tail -1
times=()
for r in $(seq 1 "$RUNS"); do
  t=$(date +%s%N); ./pgpilot status --workdir "$B/proj" --db-url "$url" >/dev/null
  times+=($(( ($(date +%s%N) - t) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "status on 2000 migrations, $RUNS runs, wall ms incl. JVM start: $sorted"
echo "median $median ms; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
