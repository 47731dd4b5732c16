#!/usr/bin/env bash
# Runs every test suite against the builds made by `make build` (native in build/native, wasm
# and page in build/wasm and build/web). Prints one line per suite and exits non-zero if any
# suite failed. Used by `make test` and CI.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
mkdir -p build/test-output

declare -a names=() results=()
run() {  # run NAME COMMAND...
  local name=$1
  shift
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@"; then
    results+=("ok    $name ($((SECONDS - start)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - start)) s)")
  fi
  names+=("$name")
}

run "format (clang-format, Chromium style)" scripts/check-format.sh
run "native unit, schema and oracle tests (ctest)" ctest --preset native
run "sanitizers: native tests under ASan and UBSan (clang)" bash -c \
  'cmake --preset sanitize > /dev/null && cmake --build --preset sanitize && ctest --preset sanitize'
run "fuzz: every libFuzzer target for 20 s (make fuzz: longer)" fuzz/run.sh 20 build/sanitize
run "golden: CLI and wasm reports byte-identical" node tests/golden/golden.mjs
run "web modules under node: the network drawn" node tests/web/layout.test.mjs
run "browser: page in headless Chromium" node tests/e2e/page.test.mjs
run "browser: web app flows, a11y, privacy" node tests/e2e/app.test.mjs
run "browser: quiz, standalone and embedded cross-origin" node tests/e2e/quiz.test.mjs

echo
echo "=== summary"
failed=0
for r in "${results[@]}"; do
  echo "$r"
  [[ $r == FAIL* ]] && failed=1
done
exit $failed
