#!/usr/bin/env bash
# `make demo`, after the build: prints the CLI verdict for the bundled example, then serves the
# page (build/web) on http://127.0.0.1:$PORT/ (default 8080) until stopped with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
example=examples/demo-server.json
cli=build/native/cli/meshcheck

echo "=== The command line: $cli analyze $example"
if [[ ! -f $example ]]; then
  echo "note: $example does not exist yet (examples/make_example.sh creates it); no CLI verdict."
elif ! "$cli" analyze "$example"; then
  echo "note: the CLI reported a problem with $example (above)."
fi

if [[ ! -f build/web/index.html ]]; then
  echo "demo.sh: build/web is missing; build it first with: make build" >&2
  exit 1
fi
echo
echo "=== The page: open http://127.0.0.1:$port/?example=1 (Ctrl-C stops the server)"
exec node scripts/serve.mjs build/web --port "$port"
