#!/usr/bin/env bash
# Replays issue 15's Slack defects (DefectReplayTest) against the bot as built at COMMIT:
#   slack-bot/replay/replay.sh 4108fe1    # before the approval rework: expected red, one failure per defect
#   slack-bot/replay/replay.sh HEAD       # now: expected green
# Builds core + slack-bot of COMMIT in a temporary worktree (offline), copies this folder's test
# class into it, runs only that class, prints surefire's summary and removes the worktree.
set -euo pipefail
commit=${1:?usage: replay.sh COMMIT}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
tree=$(mktemp -d /tmp/pgpilot-replay-XXXXXX)
trap 'git -C "$repo" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git -C "$repo" worktree add --detach "$tree" "$commit" >/dev/null
cp "$here/DefectReplayTest.java" "$tree/slack-bot/src/test/java/dev/pgpilot/slack/"
cd "$tree"
echo "replaying against $(git log --oneline -1 | cut -c1-80)"
./mvnw -o -q -pl slack-bot -am test -Dtest=DefectReplayTest -Dsurefire.failIfNoSpecifiedTests=false >"$tree/replay.log" 2>&1 || true
report=slack-bot/target/surefire-reports/dev.pgpilot.slack.DefectReplayTest.txt
if [ ! -f "$report" ]; then
  echo "no test report; the build failed:"; tail -40 "$tree/replay.log"; exit 2
fi
# the summary, then each failure: its test and the first two lines of what it said (stub waits list every call; cut)
grep -E "^Tests run" "$report"
grep -A2 -E "^dev\.pgpilot.*<<<" "$report" | grep -vE "^\s+at |^--$" | cut -c1-300
