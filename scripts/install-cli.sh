#!/usr/bin/env bash
# Installs the `swarm` command from this repository as a .NET global tool (or into --tool-path DIR):
# packs src/Swarm.Cli into .run/cli-package and installs (or updates) the tool Swarm.Cli from there.
# Usage: scripts/install-cli.sh [--tool-path DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
if [ "${1:-}" = "--tool-path" ] && [ -n "${2:-}" ]; then
  where=(--tool-path "$2")
fi

rm -rf .run/cli-package
dotnet pack src/Swarm.Cli/Swarm.Cli.csproj -c Release -o .run/cli-package --nologo -v quiet
# `update` installs the tool when it is missing and replaces it when it is there, so the script can run again.
dotnet tool update "${where[@]}" --add-source .run/cli-package Swarm.Cli
if [ "${where[0]}" = "--global" ]; then
  echo "Installed: swarm (in ~/.dotnet/tools; add it to PATH if 'swarm --help' is not found)."
else
  echo "Installed: $2/swarm"
fi
