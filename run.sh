#!/usr/bin/env bash
# Starts the swarm locally: Azurite (state kept in .run/azurite) and the local host on http://127.0.0.1:5180.
# Ctrl-C stops both. Everything it needs it installs; nothing but the .NET 10 SDK, Node 20 and npm is assumed.
# The host's pid is in .run/swarm.pid while it runs (kill -9 "$(cat .run/swarm.pid)" crashes this swarm and no other).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

mkdir -p .run
if [ -f .env ]; then set -a; . ./.env; set +a; fi
# config.json says production (so a deployment that forgets to say otherwise is strict); this script is for development.
export system__environment="${system__environment:-development}"
export localHost__httpPort="${localHost__httpPort:-5180}"
api="http://127.0.0.1:${localHost__httpPort}"
pid_file=.run/swarm.pid

require_tools
install_node_tools
echo "Building the local host..."
build_locked src/Swarm.LocalHost/Swarm.LocalHost.csproj

azurite_pid=""
host_pid=""
stop_all() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  # Only this run's pid file: another run.sh on another port may have written its own since.
  if [ -n "$host_pid" ] && [ "$(cat "$pid_file" 2>/dev/null)" = "$host_pid" ]; then rm -f "$pid_file"; fi
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    # Azurite with --location can linger after SIGTERM; give it a few seconds, then end it.
    kill -TERM "$azurite_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$azurite_pid" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if port_open 10000 && port_open 10001 && port_open 10002; then
  echo "Using the Azure Storage emulator already listening on 127.0.0.1:10000-10002."
else
  echo "Starting Azurite (state in .run/azurite, log in .run/azurite.log)..."
  node_modules/.bin/azurite --location .run/azurite --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.run/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do port_open 10002 && port_open 10001 && port_open 10000 && break; sleep 0.1; done
  port_open 10002 || { echo "error: Azurite did not start; see .run/azurite.log" >&2; exit 1; }
fi

# The development token secret: from .env if set, otherwise one made for this machine and kept in .run/.
if [ -z "${JWT_SECRET:-}" ]; then
  [ -s .run/jwt-secret ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >.run/jwt-secret)
  JWT_SECRET="$(cat .run/jwt-secret)"
fi
export JWT_SECRET

host_dll=src/Swarm.LocalHost/bin/Release/net10.0/Swarm.LocalHost.dll
dotnet "$host_dll" &
host_pid=$!
echo "$host_pid" >"$pid_file"
for _ in $(seq 1 300); do
  http_ok "$api/ready" && break
  kill -0 "$host_pid" 2>/dev/null || { echo "error: the local host exited; see the messages above" >&2; exit 1; }
  sleep 0.2
done
http_ok "$api/ready" || { echo "error: the swarm did not become ready within 60 s" >&2; exit 1; }

token="$(dotnet "$host_dll" mint-token --role admin --hours 12)"
cat <<INFO

  Swarm is running: $api  (pid $host_pid, also in $pid_file; Ctrl-C stops it)
  Development admin token (12 h):

  export SWARM_TOKEN=$token

  curl -s -X POST $api/api/v1/tasks -H "Authorization: Bearer \$SWARM_TOKEN" \\
       -H 'Content-Type: application/json' -d '{"prompt":"Write a haiku about durable workflows","notify":true}'

  Real-time events (task_finished for tasks submitted with "notify": true):
  node --experimental-websocket scripts/watch-events.mjs $api

  Dashboard (sign in with the token above): $api/dashboard/

INFO
wait "$host_pid"
