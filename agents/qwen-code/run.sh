#!/usr/bin/env bash
# Starts one Qwen Code agent of the swarm: installs its packages on first use (exact versions from package-lock.json),
# then runs the bridge. The agent's API key comes from SWARM_API_KEY; everything else is a flag (--help lists them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# The same install test.sh runs, from the repository's root (what the script expects); its message goes to stderr,
# where the bridge logs too.
(cd "$here/../.." && . scripts/prerequisites.sh && install_qwen_agent) >&2
# From the caller's folder, so a relative --workspace is where the caller means.
exec node "$here/bridge.mjs" "$@"
