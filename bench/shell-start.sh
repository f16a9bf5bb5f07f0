#!/usr/bin/env bash
# Time from launching `pgpilot shell` in a real terminal (tmux) to the first prompt on screen.
# Usage: bench/shell-start.sh [runs]   (builds shell/target/pgpilot.jar first if missing)
# Prints the median of plain `java -jar`, with an AppCDS archive trained on the shell itself (JDK 17:
# dumped once with -XX:ArchiveClassesAtExit, then used with -XX:SharedArchiveFile), and of the
# ./pgpilot launcher (its own JVM flags and archive, made on first use).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
jar="$here/shell/target/pgpilot.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -o -DskipTests package)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
archive="$work/pgpilot.jsa"

measure() { # $1 = the command that starts the shell (without "shell --workdir"); prints milliseconds to the first prompt
  local s="pgpilot-bench-$$-$RANDOM" start end
  start=$(date +%s%N)
  tmux new-session -d -s "$s" -x 200 -y 50 "env HOME='$work' $1 shell --workdir '$work'"
  until tmux capture-pane -p -t "$s" 2>/dev/null | grep -q '^pgpilot local>'; do sleep 0.01; done
  end=$(date +%s%N)
  tmux send-keys -t "$s" exit Enter; sleep 0.3; tmux kill-session -t "$s" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# create the CDS archive once (what the launcher could do after a build)
s="pgpilot-dump-$$"
tmux new-session -d -s "$s" -x 200 -y 50 "env HOME='$work' java -XX:ArchiveClassesAtExit='$archive' -jar '$jar' shell --workdir '$work'"
until tmux capture-pane -p -t "$s" 2>/dev/null | grep -q '^pgpilot local>'; do sleep 0.05; done
tmux send-keys -t "$s" exit Enter
while tmux has-session -t "$s" 2>/dev/null; do sleep 0.1; done

"$here/pgpilot" --version >/dev/null 2>&1 || true # lets the launcher make its archive before timing
plain=$(for _ in $(seq "$runs"); do measure "java -jar '$jar'"; done | median)
cds=$(for _ in $(seq "$runs"); do measure "java -XX:SharedArchiveFile='$archive' -jar '$jar'"; done | median)
launcher=$(for _ in $(seq "$runs"); do measure "'$here/pgpilot'"; done | median)
echo "first prompt, median of $runs (load average $(cut -d' ' -f1 /proc/loadavg)): plain ${plain} ms, AppCDS (shell-trained) ${cds} ms, ./pgpilot ${launcher} ms"
