#!/usr/bin/env bash
# Starts one Qwen Code agent of the swarm: installs its packages on first use (exact versions from package-lock.json),
# then runs the bridge. The agent's API key comes from SWARM_API_KEY; everything else is a flag (--help lists them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/node_modules/.bin/qwen" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.installed-package-lock.json" 2>/dev/null; then
  echo "Installing the Qwen Code agent's packages (npm ci)..." >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && cp package-lock.json node_modules/.installed-package-lock.json)
fi
# From the caller's folder, so a relative --workspace is where the caller means.
exec node "$here/bridge.mjs" "$@"
