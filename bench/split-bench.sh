#!/usr/bin/env bash
# SQL splitter scaling: SqlScript.parse on 1/2/4/8 MB scripts of several shapes (best of 5 runs each).
# Linear splitting shows as a flat ns/char across sizes. Usage: bench/split-bench.sh (from the project root)
set -euo pipefail
./mvnw -B -o -q compile -pl core -am
java -Xmx1g -cp core/target/classes bench/SplitBench.java
