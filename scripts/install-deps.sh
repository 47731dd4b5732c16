#!/usr/bin/env bash
# Installs what the build and the tests need and is missing (Debian bookworm): compilers and
# tools from apt, front-end packages from npm (package-lock.json). Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build clang-format emscripten catch2 nlohmann-json3-dev
          chromium python3 python3-networkx python3-jsonschema
          bzip2  # bzip2: unpacking zlib's source tarball (scripts/fetch-zlib.sh)
          clang-14 libclang-rt-14-dev)  # the sanitize and fuzz presets (ASan, UBSan, libFuzzer)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing with apt-get: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" > /dev/null
fi
command -v node > /dev/null || { echo "node (>= 20) is required" >&2; exit 1; }

# zlib source for the zip layer, native and wasm (once; instant when present).
scripts/fetch-zlib.sh

# npm ci only when the lock file changed since the last install.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
