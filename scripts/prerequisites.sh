# Shared by run.sh and test.sh: checks the tools a fresh machine must have and installs the project's own.
# Sourced, not run.

require_tools() {
  local missing=0
  command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2; missing=1; }
  command -v node >/dev/null 2>&1 || { echo "error: Node.js 20 or later (node) is required for Azurite" >&2; missing=1; }
  command -v npm >/dev/null 2>&1 || { echo "error: npm is required to install Azurite" >&2; missing=1; }
  [ "$missing" -eq 0 ] || exit 1
  if ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "error: a .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
    exit 1
  fi
}

# Runs `npm ci` in folder $1 when its executable $2 (under node_modules/.bin) is missing or its package-lock.json changed
# since the last install (a copy is kept in node_modules), so a run installs only what moved; $3 names it in the message.
npm_ci_when_changed() {
  local dir=$1 bin=$2 what=$3
  if [ ! -x "$dir/node_modules/.bin/$bin" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-package-lock.json" 2>/dev/null; then
    echo "Installing $what (npm ci in $dir)..."
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && cp package-lock.json node_modules/.installed-package-lock.json)
  fi
}

# The Node tools (Azurite, the MCP reference servers, ...) come from package.json.
install_node_tools() {
  npm_ci_when_changed . azurite "the Node tools"
}

# The Qwen Code agent bridge's own packages (agents/qwen-code: the Qwen Code CLI and the Web PubSub client), which
# agents/qwen-code/run.sh installs the same way on first use; the tests run the bridge, so test.sh installs them first.
install_qwen_agent() {
  npm_ci_when_changed agents/qwen-code qwen "the Qwen Code agent's packages"
}

# Builds in Release with the exact package graph the lock files record (packages.lock.json beside each project, and
# src/Swarm.Functions/worker-extensions.packages.lock.json for the Functions host's extensions). When a registry no
# longer serves a locked version, or Directory.Packages.props changed without the lock files, the restore stops here
# naming the package (NU1004, NU1101, NU1102) instead of compiling against a different graph. README "Updating a
# package" says how to move a version on purpose.
build_locked() {
  dotnet build "$@" -c Release -nologo -v quiet -clp:ErrorsOnly -p:RestoreLockedMode=true
}

# A TCP port on 127.0.0.1 is accepting connections.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# GET a URL and succeed on a 2xx answer. Node's fetch, so curl is not needed.
http_ok() {
  node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$1"
}

# The dashboard's browser tests drive Debian's Chromium (/usr/bin/chromium); test tools cannot download a browser here.
# Installed once, quietly, when missing; fails with the reason when apt cannot (not root, no apt, no Debian archive).
install_browser() {
  [ -x /usr/bin/chromium ] && return 0
  echo "Installing Chromium for the dashboard's browser tests (apt-get install chromium)..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the dashboard's browser tests need Chromium at /usr/bin/chromium, and apt-get is not available to install it" >&2
    return 1
  fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; } >.run/chromium-install.log 2>&1; then
    echo "error: could not install Chromium with apt-get (see .run/chromium-install.log); the dashboard's browser tests need /usr/bin/chromium" >&2
    return 1
  fi
}
