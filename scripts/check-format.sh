#!/usr/bin/env bash
# Fails if any tracked C++ or JavaScript file differs from clang-format's Chromium style
# (.clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc' '*.cpp' '*.js' '*.mjs' ':!:package-lock.json')
((${#files[@]})) || exit 0
clang-format --dry-run --Werror "${files[@]}"
