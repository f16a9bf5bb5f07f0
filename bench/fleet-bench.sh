#!/usr/bin/env bash
# Issue 19's figure: `up --targets FILE` over TARGETS databases x 5 migrations with --parallel 1, 4, 16:
# wall time (JVM start included) and the slowest target. Then the same through a loopback proxy that
# adds ONE_WAY ms each way (80 ms round trip by default) on a SUBSET of targets, with the round trips
# counted, so the figure at that latency can be read for the whole fleet.
# Usage: bench/fleet-bench.sh [TARGETS=200] [SUBSET=20] [ONE_WAY_MS=40]     (run from the project root)
set -euo pipefail
TARGETS=${1:-200}; SUBSET=${2:-20}; ONE_WAY=${3:-40}
B=$(mktemp -d)
cleanup() { [ -n "${proxy:-}" ] && kill "$proxy" 2>/dev/null; ./pgpilot db stop --workdir "$B/server" >/dev/null 2>&1 || true; rm -rf "$B"; }
trap cleanup EXIT
./pgpilot --version >/dev/null
mkdir -p "$B/server" "$B/proj/supabase/migrations"; ./pgpilot init --workdir "$B/server" >/dev/null; ./pgpilot db start --workdir "$B/server" >/dev/null
port=$(./pgpilot db status --json --workdir "$B/server" | jq -r .port)
export PGOPTIONS="-c client_min_messages=warning"
PSQL="psql -X -q -h 127.0.0.1 -p $port -U postgres -d postgres"
for i in 1 2 3 4 5; do
  printf 'create table public.fleet_t%s (id bigint generated always as identity primary key, note text, created_at timestamptz not null default now());\ncreate index if not exists fleet_t%s_created_at_idx on public.fleet_t%s (created_at);\n' "$i" "$i" "$i" \
    > "$B/proj/supabase/migrations/2026010100000${i}_fleet_t$i.sql"
done
fresh() { # $1 count, $2 port for the URLs
  for i in $(seq 1 "$1"); do echo "drop database if exists fleet_$i; create database fleet_$i;"; done | $PSQL >/dev/null
  for i in $(seq 1 "$1"); do echo "tenant_$i postgresql://postgres@127.0.0.1:$2/fleet_$i"; done > "$B/targets.txt"
}
run() { # $1 parallel, $2 label
  local t; t=$(date +%s%N)
  ./pgpilot up --workdir "$B/proj" --targets "$B/targets.txt" --parallel "$1" --yes --json > "$B/out.json" || { echo "rollout failed"; jq -c '.summary' "$B/out.json"; exit 1; }
  local wall=$(( ($(date +%s%N) - t) / 1000000 ))
  local slowest; slowest=$(jq '[.targets[].duration_ms] | max' "$B/out.json")
  local applied; applied=$(jq '.summary.applied' "$B/out.json")
  echo "$2 --parallel $1: wall $wall ms, slowest target $slowest ms, $applied targets applied"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in 1 4 16; do fresh "$TARGETS" "$port"; run "$p" "$TARGETS targets x 5 migrations, loopback"; done
proxy_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
python3 bench/latency-proxy.py "$proxy_port" "$port" "$ONE_WAY" "$B/rt" & proxy=$!
sleep 1
for p in 1 4 16; do
  echo 0 > "$B/rt"; fresh "$SUBSET" "$proxy_port"; sleep 0.6; before=$(cat "$B/rt")
  run "$p" "$SUBSET targets x 5 migrations, $((2*ONE_WAY)) ms round trip"
  sleep 0.6; echo "  round trips through the proxy: $(( $(cat "$B/rt") - before )) ($(( ($(cat "$B/rt") - before) / SUBSET )) per target)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
