#!/usr/bin/env bash
# The plain-English development eval (eval/README.md), in-process on the embedded test server.
# Usage: bench/dev-eval.sh [-v] [--schema S] [--cat C] [--threads N] [ID...]   (from the project root)
# Prints one FAIL line per failing case (-v: with the planner's output and the SQL), lint findings,
# the score per schema and per category, and "dev-eval: P/N passed" last.
set -uo pipefail
cd "$(dirname "$0")/.."
args=(-Deval=true)
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    -v) args+=(-Deval.verbose=true) ;;
    --schema) args+=("-Deval.schema=$2"); shift ;;
    --cat) args+=("-Deval.cat=$2"); shift ;;
    --threads) args+=("-Deval.threads=$2"); shift ;;
    *) only+=("$1") ;;
  esac
  shift
done
[ ${#only[@]} -gt 0 ] && args+=("-Deval.only=$(IFS=,; echo "${only[*]}")")
rm -f core/target/dev-eval/report.txt
timeout 1800 ./mvnw -o -q -pl core -am test -Dtest=DevEval -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}" >/tmp/dev-eval.$$.log 2>&1
rc=$?
if [ -f core/target/dev-eval/report.txt ]; then
  cat core/target/dev-eval/report.txt
else
  cat /tmp/dev-eval.$$.log; echo "dev-eval: did not run (exit $rc)"
fi
rm -f /tmp/dev-eval.$$.log
