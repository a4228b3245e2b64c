#!/usr/bin/env bash
# Install the Debian packages Kinerja needs, only those missing (idempotent).
#   sysdeps.sh run   -> what serving the app needs (WeasyPrint's Pango/HarfBuzz, fonts)
#   sysdeps.sh test  -> plus Chromium for browser tests, poppler-utils for PDF text checks and gettext
#                       for the check that every source string has an English translation
set -euo pipefail
mode=${1:-test}
pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  pkgs+=(chromium poppler-utils gettext)
fi
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
