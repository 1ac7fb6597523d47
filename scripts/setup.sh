#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need: OpenBLAS (the
# single-threaded build), pkg-config to locate it, ncurses with wide-character
# support for the terminal screens, and tmux for the end-to-end tests.
set -euo pipefail

packages=(libopenblas-serial-dev pkg-config libncurses-dev tmux)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  run_as_root=()
elif command -v sudo >/dev/null 2>&1; then
  run_as_root=(sudo)
else
  echo "setup.sh: installing ${missing[*]} needs root; run this script as root or install sudo." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
