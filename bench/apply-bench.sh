#!/usr/bin/env bash
# Issue 2 benchmark: apply N generated migrations to an empty database on one server, three ways:
# pgpilot up, Flyway 13 (flyway-core, same SQL files renamed V<version>__<name>.sql), and the floor
# (every file through one psql session). Then `pgpilot status` on 2,000 migrations.
# Usage: bench/apply-bench.sh [N=500] [RUNS=3]     (run from the project root)
set -euo pipefail
N=${1:-500}; RUNS=${2:-3}
root=$(pwd); B=$(mktemp -d); trap 'rm -rf "$B"' EXIT
./pgpilot --version >/dev/null   # (re)build the jar now, so no run below times a build
(cd bench/flyway && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
fcp="$root/bench/flyway/target/classes:$(cat bench/flyway/target/cp.txt)"
mkdir -p "$B/server"; ./pgpilot db start --workdir "$B/server" >/dev/null
port=$(./pgpilot db status --json --workdir "$B/server" | sed -E 's/.*"port": ([0-9]+).*/\1/')
PSQL="psql -X -q -h 127.0.0.1 -p $port -U postgres"
mkdir -p "$B/proj/supabase/migrations" "$B/flyway"
bench/gen-migrations.sh "$N" "$B/proj/supabase/migrations"
for f in "$B"/proj/supabase/migrations/*.sql; do b=$(basename "$f" .sql); cp "$f" "$B/flyway/V${b%%_*}__${b#*_}.sql"; done
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
run() { # name db command...
  local name=$1 db=$2; shift 2
  $PSQL -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
  local t=$(date +%s%N); "$@" >"$B/$name.log" 2>&1 || { echo "$name failed:"; tail -5 "$B/$name.log"; exit 1; }; ms $t
}
echo "apply $N migrations (table + index + RLS + policy each), $RUNS runs, wall ms incl. JVM start:"
for r in $(seq 1 "$RUNS"); do
  p=$(run pgpilot b_pgpilot ./pgpilot up --yes --workdir "$B/proj" --db-url "postgresql://postgres@127.0.0.1:$port/b_pgpilot")
  f=$(run flyway b_flyway java -cp "$fcp" FlywayRunner "jdbc:postgresql://127.0.0.1:$port/b_flyway" postgres "$B/flyway")
  s=$(run psql b_psql sh -c "cat $B/proj/supabase/migrations/*.sql | $PSQL -v ON_ERROR_STOP=1 -d b_psql")
  echo "run $r: pgpilot $p  flyway $f  psql-floor $s"
done
rm -rf "$B/proj/supabase/migrations"; bench/gen-migrations.sh 2000 "$B/proj/supabase/migrations"
$PSQL -d postgres -c "drop database if exists b_status" -c "create database b_status" >/dev/null
./pgpilot up --yes --workdir "$B/proj" --db-url "postgresql://postgres@127.0.0.1:$port/b_status" >/dev/null
for r in $(seq 1 "$RUNS"); do
  t=$(date +%s%N); ./pgpilot status --workdir "$B/proj" --db-url "postgresql://postgres@127.0.0.1:$port/b_status" >/dev/null; echo "status on 2000 migrations, run $r: $(ms $t) ms"
done
./pgpilot db stop --workdir "$B/server" >/dev/null
