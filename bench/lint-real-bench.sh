#!/usr/bin/env bash
# Issue 16's figure: `pgpilot lint` vs squawk on a corpus of REAL migration files (JVM start included).
# CORPUS_DIR holds the files anywhere below it (e.g. one folder per project, gathered from public
# repositories; never commit them); every folder holding .sql files is linted as one migration folder,
# all folders in ONE pgpilot process, and squawk gets every file in one process too.
# Usage: bench/lint-real-bench.sh CORPUS_DIR [RUNS=3]      (run from the project root)
# squawk: SQUAWK=/path/to/squawk, or SQUAWK_DIR=dir where `npm install squawk-cli` ran.
set -euo pipefail
corpus=$(cd "${1:?usage: bench/lint-real-bench.sh CORPUS_DIR [RUNS]}" && pwd); RUNS=${2:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mapfile -t dirs < <(find "$corpus" -name '*.sql' -printf '%h\n' | sort -u)
mapfile -t files < <(find "$corpus" -name '*.sql' | sort)
echo "corpus: ${#files[@]} files, $(cat "${files[@]}" | wc -l) lines, $(cat "${files[@]}" | wc -c) bytes, in ${#dirs[@]} folders"
./pgpilot --version >/dev/null   # build the jar first, outside the timing
squawk="${SQUAWK:-}"
if [ -z "$squawk" ] && [ -n "${SQUAWK_DIR:-}" ]; then squawk="$SQUAWK_DIR/node_modules/.bin/squawk"; fi
timed() { # label command...: prints wall, CPU, exit; stdout kept in $work/$label.out
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$work/$label.out" 2> "$work/$label.err" && rc=0 || rc=$?
  read -r wall u s < <(tail -1 "$work/time")
  echo "$label: ${wall}s wall, $(echo "$u + $s" | bc)s CPU, exit $rc"
}
for r in $(seq 1 "$RUNS"); do
  echo "run $r (load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
  timed pgpilot ./pgpilot lint --no-color --format json "${dirs[@]}"
  if [ -n "$squawk" ] && [ -x "$squawk" ]; then timed squawk "$squawk" --assume-in-transaction "${files[@]}"; fi
done
# exit 2 means lint could not finish (a rule or file failed): name them, the figure does not count then
python3 - "$work/pgpilot.out" <<'PY'
import json, sys, collections
r = json.load(open(sys.argv[1]))
sev = collections.Counter(f["severity"] for f in r["findings"])
print(f"pgpilot findings: {len(r['findings'])} ({', '.join(f'{k} {v}' for k, v in sorted(sev.items()))}); "
      f"lint failures (rule or file could not be linted): {len(r.get('failures', []))}")
for f in r.get("failures", [])[:20]: print("  failure:", f)
PY
if [ -n "$squawk" ] && [ -x "$squawk" ]; then
  echo "squawk: $(sed 's/\x1b\[[0-9;]*m//g' "$work/squawk.out" | grep -o 'Found [0-9]* issue[s]* in [0-9]* file[s]*.*' | tail -1)"
  grep -c -i 'error\[syntax-error\]\|invalid statement\|parse error' "$work/squawk.out" | sed 's/^/squawk parse errors reported: /' || true
else
  echo "squawk: not run (set SQUAWK=/path/to/squawk or SQUAWK_DIR=dir with npm install squawk-cli)"
fi
