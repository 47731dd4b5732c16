#!/usr/bin/env bash
# `make demo`, after the build: prints the CLI verdict for the bundled example, then serves the
# page (build/web) on http://127.0.0.1:$PORT/ (default 8080), and the sample landing page that
# embeds the quiz (examples/embed, rendered into build/embed) on a second origin,
# http://127.0.0.1:$EMBED_PORT/ (default PORT+1), until stopped with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
embed_port=${EMBED_PORT:-$((port + 1))}
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
site=http://127.0.0.1:$port
landing=http://127.0.0.1:$embed_port
node examples/embed/render.mjs build/embed "$site" "$landing"
# The landing page may load the quiz from the site (CSP); the site lets it (CORS).
node scripts/serve.mjs build/embed --port "$embed_port" --csp-allow "$site" >/dev/null &
embed_server=$!
trap 'kill "$embed_server" 2>/dev/null' EXIT
echo
echo "=== The page: open $site/?example=1 (Ctrl-C stops the servers)"
echo "=== The quiz: $site/quiz.html; embedded in a landing page on another origin: $landing/"
node scripts/serve.mjs build/web --port "$port" --cors-allow "$landing"
