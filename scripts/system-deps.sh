#!/usr/bin/env bash
# Installs the Debian packages that the browser, PostgreSQL and audio tests need (chromium, PostgreSQL,
# espeak-ng, sox, ffmpeg; poppler-utils for the one-pager PDF tests), when they are missing. Needs root (or sudo); prints what to do otherwise.
set -euo pipefail
packages=(chromium postgresql espeak-ng sox libsox-fmt-all ffmpeg fonts-dejavu-core poppler-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "The tests need these Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
