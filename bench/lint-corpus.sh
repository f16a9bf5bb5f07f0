#!/usr/bin/env bash
# Lints real projects' migration folders and prints the tables of LINT-CORPUS.md.
# Usage: bench/lint-corpus.sh PROJECT_DIR...   (each PROJECT_DIR holds supabase/migrations/)
# Also applies each folder to a throw-away embedded database (`up --allow-lint-errors`) and reports
# how far it got, so a crash, an exit 2 or an engine bug on real files shows up here.
# LINT_ONLY=1 skips the apply (minutes per folder); the `up` column then says "not run".
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/pgpilot" --version >/dev/null 2>&1 || true   # builds the jar when stale
jar="$here/shell/target/pgpilot.jar"
out="$(mktemp -d)"
for dir in "$@"; do
  name="$(basename "$dir")"
  (cd "$dir" && java -jar "$jar" lint --format json > "$out/$name.json" 2> "$out/$name.err"; echo $? > "$out/$name.rc")
  if [ -n "${LINT_ONLY:-}" ]; then echo "not run" > "$out/$name.up"; echo "-" > "$out/$name.uprc"; continue; fi
  work="$(mktemp -d)"; mkdir -p "$work/supabase/migrations"; cp "$dir"/supabase/migrations/*.sql "$work/supabase/migrations/"
  (cd "$work" && java -jar "$jar" up --yes --allow-lint-errors > "$out/$name.up" 2>&1; echo $? > "$out/$name.uprc"
   java -jar "$jar" db stop >/dev/null 2>&1)
  rm -rf "$work"
done
python3 - "$out" "$@" <<'PY'
import json, os, sys, collections
out, dirs = sys.argv[1], sys.argv[2:]
names = [os.path.basename(d.rstrip('/')) for d in dirs]
per_rule = collections.defaultdict(lambda: collections.Counter())
sev = {}
print("| project | files | lint exit | errors | warnings | info | `up` on the embedded database |")
print("|---|---|---|---|---|---|---|")
for n in names:
    rc = open(f"{out}/{n}.rc").read().strip()
    try:
        r = json.load(open(f"{out}/{n}.json"))
    except Exception:
        print(f"| {n} | ? | {rc} | lint output unreadable: {open(f'{out}/{n}.err').read().strip()[:200]} | | | |")
        continue
    for f in r["findings"]:
        per_rule[f["rule"]][n] += 1
        sev[f["rule"]] = f["severity"]
    up = open(f"{out}/{n}.up").read().splitlines()
    applied = sum(1 for l in up if l.startswith("applied "))
    err = next((l for l in up if l.startswith("error:")), "")
    uprc = open(f"{out}/{n}.uprc").read().strip()
    verdict = "not run" if uprc == "-" else f"{applied} applied, exit {uprc}" + (f": {err[7:160]}" if err else "")
    print(f"| {n} | {r['files']} | {rc} | {r['errors']} | {r['warnings']} | {r['infos']} | {verdict} |")
print()
print("| rule | severity | " + " | ".join(names) + " | total |")
print("|---|---|" + "---|" * len(names) + "---|")
for rule, c in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
    print(f"| {rule} | {sev[rule]} | " + " | ".join(str(c[n]) for n in names) + f" | {sum(c.values())} |")
PY
rm -rf "$out"
