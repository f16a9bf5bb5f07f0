#!/usr/bin/env bash
# Lint benchmark: writes 1,000 migrations (~100 lines each, ~100k lines) into a temp workspace,
# then times `./pgpilot lint` (wall clock, JVM start included) and, when available, squawk on
# the same files. Usage: bench/lint-bench.sh [N]   (squawk: npm install squawk-cli in a temp dir)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=${1:-1000}
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "workspace kept: $work" || trap 'rm -rf "$work"' EXIT
dir="$work/supabase/migrations"
mkdir -p "$dir"
for i in $(seq 1 "$n"); do
  v=$(date -u -d "@$((1735689600 + i * 60))" +%Y%m%d%H%M%S)
  p=$((i > 1 ? i - 1 : 1))
  {
    echo "-- Migration $i: items_$i with its index, RLS, policies, trigger and a change to items_$p"
    echo "create table if not exists public.items_$i ("
    echo "  id uuid primary key default gen_random_uuid(),"
    echo "  owner_id uuid not null references auth.users (id) on delete cascade,"
    for c in $(seq 1 40); do echo "  col_$c text,"; done
    echo "  created_at timestamptz not null default now(),"
    echo "  updated_at timestamptz not null default now()"
    echo ");"
    echo "create index if not exists idx_items_${i}_owner_id on public.items_$i (owner_id);"
    echo "alter table public.items_$i enable row level security;"
    echo "drop policy if exists \"owner reads items_$i\" on public.items_$i;"
    echo "create policy \"owner reads items_$i\" on public.items_$i for select to authenticated"
    echo "  using ((select auth.uid()) = owner_id);"
    echo "drop policy if exists \"owner writes items_$i\" on public.items_$i;"
    echo "create policy \"owner writes items_$i\" on public.items_$i for insert to authenticated"
    echo "  with check ((select auth.uid()) = owner_id);"
    echo "create or replace function public.touch_items_$i() returns trigger"
    echo "  language plpgsql set search_path = '' as \$\$"
    echo "begin"
    echo "  new.updated_at := now();"
    echo "  return new;"
    echo "end \$\$;"
    echo "create trigger items_${i}_updated_at before update on public.items_$i"
    echo "  for each row execute function public.touch_items_$i();"
    echo "alter table public.items_$p add column if not exists note_$i text;"
    echo "alter table public.items_$p add column if not exists flag_$i boolean not null default false;"
    for c in $(seq 1 30); do echo "comment on column public.items_$i.col_$c is 'column $c';"; done
    echo "comment on table public.items_$i is 'benchmark table $i';"
  } > "$dir/${v}_create_items_$i.sql"
done
files=$(ls "$dir" | wc -l); lines=$(cat "$dir"/*.sql | wc -l)
echo "generated $files files, $lines lines"
cd "$here"
./pgpilot --version >/dev/null # build the jar first, outside the timing
cpu() { # wall, user+sys CPU of a command (stdout to $out): sets $wall and $cpu
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$out" 2>/dev/null && rc=0 || rc=$?
  read -r wall u s < <(tail -1 "$work/time"); cpu=$(echo "$u + $s" | bc)
}
time_pgpilot() { # $1 = label, rest = JVM options
  local label=$1; shift
  out="$work/pgpilot.out"; PGPILOT_JAVA_OPTS="$*" cpu ./pgpilot lint --workdir "$work" --no-color
  pg=$wall; pgcpu=$cpu
  echo "pgpilot lint [$label]: ${wall}s wall, ${cpu}s CPU (exit $rc), $(tail -1 "$work/pgpilot.out")"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
time_pgpilot "launcher defaults${PGPILOT_JAVA_OPTS:+ + PGPILOT_JAVA_OPTS=$PGPILOT_JAVA_OPTS}" ${PGPILOT_JAVA_OPTS:-}
time_pgpilot "C1 + serial GC: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
squawk="${SQUAWK:-}"
if [ -z "$squawk" ] && [ -n "${SQUAWK_DIR:-}" ]; then squawk="$SQUAWK_DIR/node_modules/.bin/squawk"; fi
if [ -n "$squawk" ] && [ -x "$squawk" ]; then
  out="$work/squawk.out"; cpu "$squawk" --assume-in-transaction "$dir"/*.sql
  sq=$wall
  echo "squawk: ${wall}s wall, ${cpu}s CPU (exit $rc), $(sed 's/\x1b\[[0-9;]*m//g' "$work/squawk.out" | grep -o 'Found [0-9]* issues.*' || echo 'no summary')"
  echo "ratio pgpilot(C1 + serial GC)/squawk: wall $(echo "scale=2; $pg / $sq" | bc), CPU $(echo "scale=2; $pgcpu / $cpu" | bc)"
else
  echo "squawk: not run (set SQUAWK=/path/to/squawk or SQUAWK_DIR=dir with npm install squawk-cli)"
fi
