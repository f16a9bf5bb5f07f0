#!/usr/bin/env bash
# Issue 4 benchmark: plain-English parse + render latency per request, in-process (no JVM start, no
# database round trip: the catalog is read once). Every request of the eval (36 changes + 4 refusals)
# is planned REPEATS times after a warm-up; prints p50/p99/max of wall time and of the thread's CPU time.
# Usage: bench/nl-bench.sh [REPEATS=1000]     (run from the project root)
set -euo pipefail
REPEATS=${1:-1000}
B=$(mktemp -d); trap 'rm -rf "$B"' EXIT
./mvnw -B -q -o install -pl core -am -DskipTests >/dev/null
# the dependency plugin may not be in the local repository yet: fetch it once when offline fails
./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$B/cp.txt" >/dev/null 2>&1 \
  || ./mvnw -B -q dependency:build-classpath -pl core -Dmdep.outputFile="$B/cp.txt" >/dev/null
cp="core/target/classes:$(cat "$B/cp.txt")"
javac -d "$B/classes" -cp "$cp" bench/nl/NlBench.java
java -cp "$B/classes:$cp" NlBench core/src/test/resources/nl/base.sql core/src/test/resources/nl/cases.jsonl "$REPEATS"
