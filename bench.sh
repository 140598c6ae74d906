#!/usr/bin/env bash
# Measures the swarm's task path on this machine and prints a Markdown report on standard output (progress goes to
# standard error): throughput and latency through the local host on Azurite, the API's answers under load (api),
# overhead around a 1 s model call, the
# host's memory, the in-memory engine's ceiling, a 10-agent consensus round's latency, a simulation of how voting
# changes accuracy, storage requests per task by kind against a plain orchestration baseline (that scenario starts
# two Azurite instances of its own, to count their access logs), and what an agent's tool round trip costs, with a
# 5-tool-call task against the same memory writes made directly, and agent-to-agent message latency over the local
# real-time channel against the channel's own REST send and a raw WebSocket echo. In process, without the host, the learning scenario routes
# 1,000 simulated tasks per seed through the real dispatch board and task atlas and draws docs/benchmarks/learning-curve.svg. The hosts scenario runs 1, 2 and 3 local hosts on one task hub, for each dispatch shard count given. `./bench.sh --help` lists the options (and `--azurite-in-memory` keeps Azurite's data in memory, not on disk); `--out FILE` also writes the report to FILE. It starts its own Azurite on free ports in a temporary folder, so ./run.sh's state is untouched.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

require_tools
install_node_tools
echo "Building the local host and the benchmark (Release)..." >&2
build_locked src/Swarm.LocalHost/Swarm.LocalHost.csproj >&2
build_locked bench/Swarm.Benchmarks/Swarm.Benchmarks.csproj >&2
bench_dll=bench/Swarm.Benchmarks/bin/Release/net10.0/Swarm.Benchmarks.dll

# --azurite-in-memory is this script's own option (how Azurite keeps its data); every other one goes to the benchmark.
azurite_store="disk"
args=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) exec dotnet "$bench_dll" --help ;;
    --azurite-in-memory) azurite_store="memory" ;;
    *) args+=("$arg") ;;
  esac
done

work="$(mktemp -d -t swarm-bench.XXXXXX)"
azurite_pid=""
stop_azurite() {
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    # Azurite with --location can linger after SIGTERM; give it a few seconds, then end it.
    kill -TERM "$azurite_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_azurite EXIT
trap 'exit 130' INT TERM

# A loopback port nobody listens on, below Linux's ephemeral range (where outbound connections take theirs).
taken=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    case "$taken" in *" $port "*) continue ;; esac
    port_open "$port" || { echo "$port"; return; }
  done
}
blob_port=$(free_port); taken="$taken$blob_port "
queue_port=$(free_port); taken="$taken$queue_port "
table_port=$(free_port)

echo "Starting Azurite on 127.0.0.1:$blob_port/$queue_port/$table_port (state in $work)..." >&2
# On disk (the default, as ./run.sh keeps it) Azurite writes its whole table database to a file every 5 s, which a
# long run with a growing hub pays for in every request; in memory it writes nothing.
if [ "$azurite_store" = "memory" ]; then persistence=(--inMemoryPersistence); else persistence=(--location "$work/azurite"); fi
node_modules/.bin/azurite "${persistence[@]}" --skipApiVersionCheck --loose --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$work/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do port_open "$table_port" && port_open "$queue_port" && port_open "$blob_port" && break; sleep 0.1; done
if ! { port_open "$table_port" && port_open "$queue_port" && port_open "$blob_port"; }; then
  echo "error: Azurite did not start:" >&2
  cat "$work/azurite.log" >&2
  exit 1
fi

# Azurite's well-known development account (the same key every Azure Storage emulator uses; not a secret).
export BENCH_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;\
AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;\
BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;\
TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export BENCH_AZURITE_PID="$azurite_pid"
# Azurite's access log (one line per request on its standard output): the baseline and throughput scenarios count it.
export BENCH_AZURITE_LOG="$work/azurite.log"
export BENCH_AZURITE_VERSION="$(node -p "require('./node_modules/azurite/package.json').version" 2>/dev/null || true)"
export BENCH_AZURITE_STORE="$azurite_store"
BENCH_COMMAND="./bench.sh"
if [ "$#" -gt 0 ]; then BENCH_COMMAND="$BENCH_COMMAND$(printf ' %q' "$@")"; fi
export BENCH_COMMAND
revision="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
uncommitted="$(git status --porcelain -- src bench 2>/dev/null | awk '{print $2}' | cut -d/ -f1 | sort -u | sed 's|$|/|' | paste -sd' ' -)"
if [ -n "$uncommitted" ]; then revision="$revision, with uncommitted changes in $uncommitted"; fi
export BENCH_REVISION="$revision"

set +e
dotnet "$bench_dll" ${args[@]+"${args[@]}"}
status=$?
set -e
exit "$status"
