#!/usr/bin/env bash
# Install the Debian packages Kinerja needs, only those missing (idempotent).
#   sysdeps.sh run   -> what serving the app needs (WeasyPrint's Pango/HarfBuzz, fonts)
#   sysdeps.sh test  -> plus Chromium for browser tests, poppler-utils for PDF text checks and gettext
#                       for the check that every source string has an English translation, and Lighthouse
#                       (npm, pinned in tests/lighthouse/package-lock.json) for the accessibility score test
set -euo pipefail
mode=${1:-test}
root=$(cd "$(dirname "$0")/.." && pwd)
pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  pkgs+=(chromium poppler-utils gettext)
  # Node's own npm when Node is there already (a NodeSource nodejs bundles it; Debian's npm would clash).
  command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
fi

# Lighthouse into tests/lighthouse/node_modules, again only when the lock file changed since the last install.
lighthouse() {
  local dir="$root/tests/lighthouse"
  [ "$mode" = "test" ] || return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "sysdeps: npm not found; the Lighthouse test will be skipped" >&2
    return 0
  fi
  if [ ! -x "$dir/node_modules/.bin/lighthouse" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "sysdeps: npm ci in tests/lighthouse"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || echo "sysdeps: npm ci failed; the Lighthouse test will be skipped" >&2
  fi
}
trap lighthouse EXIT
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: apt-get not found; please install: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "sysdeps: not root; please install: ${missing[*]}" >&2
    exit 0
  fi
fi
echo "sysdeps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
