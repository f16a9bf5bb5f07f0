#!/usr/bin/env bash
# Wall time of `pgpilot diff` on a project of N generated migrations (default 200; each a table, an
# index, RLS, a policy and a comment). The target is the embedded database built by `pgpilot reset`,
# so the diff replays all N files into a shadow database, snapshots both catalogs and compares.
# Usage: bench/diff-bench.sh [N] [RUNS]
set -euo pipefail
n=${1:-200}; runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/pgpilot-diff-bench.XXXXXX)
trap '"$root/pgpilot" db stop --workdir "$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$root/bench/gen-migrations.sh" "$n" "$work/supabase/migrations"
"$root/pgpilot" reset --workdir "$work" --yes
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  rc=0; "$root/pgpilot" diff --workdir "$work" > "$work/diff.out" || rc=$?
  end=$(date +%s.%N)
  printf 'run %d: pgpilot diff on %d migrations: %.2f s (exit %d, %s; load average %s)\n' "$r" "$n" "$(echo "$end - $start" | bc)" "$rc" \
    "$(head -1 "$work/diff.out")" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
