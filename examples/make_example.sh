#!/usr/bin/env bash
# Writes examples/demo-server.json, the bundled example: a synthetic DiscordChatExporter JSON
# export of a small peer-help server (the `community` archetype of bench/gen), 70 days, about
# 260 messages by about 75 people. The generator is seeded: the same command writes the same
# bytes, so the file in the repository can be checked with `git diff` after running this.
#
#   examples/make_example.sh            build meshcheck_gen in $BUILD_DIR (default build/native)
#                                       if needed, then write the example
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/native}

if [[ ! -f "$BUILD_DIR/build.ninja" && ! -f "$BUILD_DIR/Makefile" ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target meshcheck_gen -j2 >/dev/null

"$BUILD_DIR/bench/meshcheck_gen" --archetype community --seed 5 --days 70 --scale 0.14 \
  --out examples/demo-server.json
