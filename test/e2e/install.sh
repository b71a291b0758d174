#!/usr/bin/env bash
# Installs a headless VS Code (code-server: the real workbench with a Node extension host) and the
# Debian packages the e2e suite needs (chromium for Playwright, ripgrep, compilers for native modules).
#   bash test/e2e/install.sh [DIR]        DIR defaults to the machine's cache, linked as ./.vscode-server-e2e
# Needs only the npm registry and Debian apt. Idempotent: a finished DIR is detected by a stamp.
# playwright-core itself is a devDependency of the repo (typed tests, pinned by package-lock).
# Adapted from shared/tools/vscode-server/install.sh.
# code-server's own postinstall can't be used offline (@vscode/ripgrep downloads rg from GitHub),
# so we replay postinstall.sh by hand: scripts off, native modules rebuilt, Debian's rg linked in.
set -euo pipefail
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # last release that runs on Node 20
if [ -n "${1:-}" ] || { [ -d .vscode-server-e2e ] && [ ! -L .vscode-server-e2e ]; }; then
  DIR="$(mkdir -p "${1:-.vscode-server-e2e}" && cd "${1:-.vscode-server-e2e}" && pwd)"
else
  # By default the install lives in the machine's cache, one folder per code-server version, and
  # ./.vscode-server-e2e links to it: a fresh clone on a machine that has it (CI runs on the same
  # machine) skips minutes of npm installs and native builds; a machine without it installs it here.
  DIR="${SOCIETY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/society-studio}/vscode-server-e2e-$CODE_SERVER_VERSION"
  mkdir -p "$DIR" && DIR="$(cd "$DIR" && pwd)"
  ln -sfn "$DIR" .vscode-server-e2e
fi
STAMP="$DIR/.installed-code-server-$CODE_SERVER_VERSION"
[ -f "$STAMP" ] && { echo "vscode-server-e2e: already installed in $DIR"; exit 0; }
# Two runs sharing the cache (a developer's and CI's) install one at a time; the second finds the stamp.
exec 9>"$DIR/.install-lock"
flock -w 1800 9 || { echo "install.sh: another install held $DIR/.install-lock for 30 min" >&2; exit 1; }
[ -f "$STAMP" ] && { echo "vscode-server-e2e: already installed in $DIR (by another run)"; exit 0; }

# 1. Debian packages: compilers for node-gyp, krb5 headers (kerberos module), chromium, ripgrep.
PKGS=(build-essential python3 pkg-config libkrb5-dev chromium ripgrep)
MISSING=(); for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || MISSING+=("$p"); done
if [ ${#MISSING[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt/dpkg (an unattended upgrade, a second install) may hold the lock: wait for it.
  APT=(apt-get -o DPkg::Lock::Timeout=600)
  # `update` takes the lists lock, which DPkg::Lock::Timeout does not cover (apt 2.6 fails at once,
  # exit 100): try again every 5 s for as long, while the error is that lock.
  apt_update() {
    local err tries=120; err="$(mktemp)"
    until $SUDO "${APT[@]}" update 2>"$err"; do
      cat "$err" >&2
      if ! grep -q 'Could not get lock' "$err" || [ $((tries -= 1)) -le 0 ]; then rm -f "$err"; return 1; fi
      echo "install.sh: apt's package lists are locked by another process; waiting" >&2; sleep 5
    done
    cat "$err" >&2; rm -f "$err"
  }
  $SUDO "${APT[@]}" install -y "${MISSING[@]}" || { apt_update && $SUDO "${APT[@]}" install -y "${MISSING[@]}"; }
fi

# node-gyp must use local Node headers (downloading them from nodejs.org is not possible offline).
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
[ -f "$NODE_PREFIX/include/node/node.h" ] && export npm_config_nodedir="$NODE_PREFIX"
export npm_config_build_from_source=true JOBS=max   # no prebuilt-binary downloads; parallel make
NPM=(npm --no-audit --no-fund --loglevel=error)

# 2. code-server, install scripts disabled; then build argon2 (required at load).
cd "$DIR"
[ -f package.json ] || echo '{ "name": "vscode-server-e2e", "private": true }' > package.json
"${NPM[@]}" install --ignore-scripts "code-server@$CODE_SERVER_VERSION"
"${NPM[@]}" rebuild argon2

# 3. VS Code's own deps (what postinstall.sh does), scripts off, then only the Linux native modules.
cd "$DIR/node_modules/code-server/lib/vscode"
"${NPM[@]}" install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin                   # rg: Debian binary where the package expects it
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
"${NPM[@]}" rebuild @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog
# node-pty's postinstall ends, after pty.node is built, with a dev-only `npx node-gyp configure` that
# would fetch node-gyp; refuse that (yes=false), ignore its exit code, and check every module loads.
npm_config_yes=false "${NPM[@]}" rebuild node-pty > "$DIR/node-pty-rebuild.log" 2>&1 || true
for m in @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog node-pty; do
  node -e "import('$m').catch(e => { console.error('cannot load $m:', e.message); process.exit(1) })"
done

# 4. Symlinks from postinstall.sh, and the built-in extensions' shared deps (typescript).
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && "${NPM[@]}" install --omit=dev > /dev/null)

# --version writes a default config under XDG_CONFIG_HOME: keep it out of $HOME.
XDG_CONFIG_HOME="$DIR/.xdg-config" XDG_DATA_HOME="$DIR/.xdg-data" node "$DIR/node_modules/code-server/out/node/entry.js" --version
touch "$STAMP"
echo "vscode-server-e2e: installed in $DIR"
