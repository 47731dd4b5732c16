# Thin entry points; the work is in CMake (CMakePresets.json) and scripts/.
#   make demo   install what is missing, build, print the CLI verdict for the bundled example,
#               and serve the page on http://127.0.0.1:$(PORT)/ until stopped
#   make test   install what is missing, build, run every test suite
#   make bench  throughput and memory on generated exports (native and headless Chromium)
#   make fuzz   every libFuzzer target for $(FUZZ_SECONDS) s each, two at a time (fuzz/run.sh)
SHELL := /bin/bash
PORT ?= 8080
FUZZ_SECONDS ?= 600
export NODE_PATH := /usr/share/nodejs
export PORT

.PHONY: demo test bench deps build native wasm web clean format fuzz

demo: build
	scripts/demo.sh

test: build
	scripts/run-tests.sh

bench: build
	scripts/bench.sh

fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	fuzz/run.sh $(FUZZ_SECONDS) build/sanitize

deps:
	scripts/install-deps.sh

build: deps
	$(MAKE) native web

native:
	cmake --preset native
	cmake --build --preset native

wasm:
	cmake --preset wasm
	cmake --build --preset wasm

web: wasm
	node web/build.mjs

format:
	git ls-files '*.h' '*.cc' '*.cpp' '*.js' '*.mjs' | xargs clang-format -i

clean:
	rm -rf build
