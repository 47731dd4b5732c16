#!/usr/bin/env bash
# Runs every fuzz target of a `fuzz` preset build for a bounded time, two at a time (2 cores).
#   fuzz/run.sh SECONDS_PER_TARGET [BUILD_DIR]      (BUILD_DIR: build/sanitize, the fuzz preset's)
# Seeds are rebuilt from ../shared (fuzz/make_seeds.py) into BUILD_DIR/fuzz/seeds; what a run
# finds is kept in BUILD_DIR/fuzz/corpus (later runs start from it). A crash, leak, timeout or
# out-of-memory input is saved as BUILD_DIR/fuzz/artifacts/<target>/crash-* (reproduce: run the
# target on that file) and fails the run. Prints one line per target and exits non-zero on any
# failure.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [BUILD_DIR]}
build=${2:-build/sanitize}
shared=${MESHCHECK_SHARED:-../shared}
jobs=${FUZZ_JOBS:-2}
work="$build/fuzz"
mapfile -t targets < "$work/targets.txt"
rm -rf "$work/seeds" "$work/logs"
mkdir -p "$work/seeds" "$work/logs"
/usr/bin/python3 fuzz/make_seeds.py "$work/seeds" "$shared" . "${targets[@]}" > /dev/null || exit 1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {  # run_one TARGET: runs it, writes its log, returns its status
  local t=$1 max_len=65536
  # The whole Session and the quiz analyse every input fully: smaller inputs keep them moving.
  [[ $t == fuzz_session || $t == fuzz_quiz ]] && max_len=16384
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  # -max_len: inputs (and seeds, which libFuzzer cuts) up to 64 KiB keep runs fast; the size
  # limits themselves are tested by the unit tests. -timeout: one input taking 20 s is a hang.
  "$work/$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$t/" \
    "$work/corpus/$t" "$work/seeds/$t" > "$work/logs/$t.log" 2>&1
}

declare -A pid_of=()
failed=0
report() {  # report TARGET STATUS
  local t=$1 status=$2 execs
  execs=$(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$work/logs/$t.log" | grep -o '[0-9]*$')
  if ((status == 0)); then
    printf 'ok    %-28s %4s s  %9s inputs\n' "$t" "$seconds" "${execs:-?}"
  else
    failed=1
    printf 'FAIL  %-28s see %s\n' "$t" "$work/logs/$t.log"
    grep -m6 -E 'ERROR|runtime error|deadly signal|depends on the split|  (whole|split): |Test unit written' \
      "$work/logs/$t.log" | sed 's/^/      /'
  fi
}
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do
    wait -n
  done
  run_one "$t" &
  pid_of[$t]=$!
done
for t in "${targets[@]}"; do
  wait "${pid_of[$t]}"
  report "$t" $?
done
exit $failed
