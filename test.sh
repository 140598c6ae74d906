#!/usr/bin/env bash
# Runs every test: unit, workflow (in-process Durable host), integration (local host over Azurite, started by the
# tests themselves), Functions metadata and Bicep. Installs what it needs; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

started=$SECONDS
require_tools
install_node_tools
install_qwen_agent
mkdir -p .run
install_browser

prerequisites_took=$((SECONDS - started))
echo "Building (Release, warnings as errors)..."
build_locked Swarm.Functions.sln
build_took=$((SECONDS - started - prerequisites_took))

mkdir -p .run
log=.run/test-output.log
diagnostics=.run/test-diagnostics.log
rm -f "$diagnostics"
set +e
# A test still running after 5 minutes is stuck (the slowest takes well under one): the blame collector ends its
# test host and names the test, so a hang fails the run in minutes instead of silently running into CI's limit.
dotnet test Swarm.Functions.sln -c Release --no-build --nologo --settings tests/test.runsettings \
  --blame-hang-timeout 5m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The tests stop the Azurite they start when their test host exits (AzuriteServer), and each Azurite also ends itself
# within a second of its test host's end (tests/tools/exit-with-parent.cjs), since a killed test host runs no exit
# handler: before that preload, most full runs left one behind. Should one still be found (in memory, this checkout's,
# parent gone), it is stopped here and named, so runs do not pile them up.
orphans=""
for pid in $(pgrep -f -- "$PWD/node_modules/.bin/azurite .*--inMemoryPersistence" || true); do
  [ "$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')" = "1" ] && orphans="$orphans $pid"
done
# The preload checks every second: give a just-orphaned Azurite three to end itself before calling it left behind.
for _ in $(seq 1 30); do
  alive=""; for pid in $orphans; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
  orphans=$alive; [ -z "$orphans" ] && break; sleep 0.1
done
for pid in $orphans; do
  echo "Stopping an Azurite the tests left running (pid $pid): it outlived its test host by 3 s."
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
done

# One closing line for the whole run, summed over the test assemblies' own summaries.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1); if ($i == "Passed:") passed += $(i + 1); if ($i == "Skipped:") skipped += $(i + 1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
# Where the time went, so a run that nears the 20 minutes it is held to says which part grew.
tests_took=$((SECONDS - started - prerequisites_took - build_took))
printf 'Time: prerequisites %dm%02ds, build %dm%02ds, tests %dm%02ds\n' \
  $((prerequisites_took / 60)) $((prerequisites_took % 60)) $((build_took / 60)) $((build_took % 60)) $((tests_took / 60)) $((tests_took % 60))
# What test tools recorded about trouble they recovered from (a stuck helper process that was retried, say).
if [ -s "$diagnostics" ]; then
  echo "Test diagnostics ($diagnostics):"
  cat "$diagnostics"
fi
exit "$status"
