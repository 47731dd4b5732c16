#!/usr/bin/env bash
# `make bench`, after the build: throughput and peak memory of meshcheck on generated
# DiscordChatExporter exports (bench/gen, archetypes `community` and `audience`).
#
# For each export (200 MB and 1 GB by default), best of $BENCH_RUNS runs with the file in the
# page cache:
#   native CLI     build/native/cli/meshcheck analyze FILE --json > /dev/null
#   raw tokenizer  build/native/bench/tokenizer_bench FILE: ingest::JsonTokenizer alone with a
#                  counting handler, the floor under any JSON reader (full/raw shows the rest)
#   Chromium page  bench/chromium_bench.mjs: the page of build/web in headless Chromium, from
#                  handing it the file to its verdict (skipped without build/web, playwright-core
#                  or /usr/bin/chromium, or with BENCH_CHROMIUM=0)
# MB/s counts 10^6 bytes per wall-clock second; peak memory is the peak RSS (the renderer's,
# worker included, for Chromium), the highest over the runs.
#
# Inputs are generated once and cached in build/bench-data/, keyed by archetype, seed and size.
# Settings (environment): BENCH_BUILD_DIR (build/native), BENCH_SIZES ("200M 1G"),
# BENCH_ARCHETYPES ("community audience"), BENCH_SEED (1), BENCH_RUNS (3), BENCH_CHROMIUM (1).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

build=${BENCH_BUILD_DIR:-build/native}
data=build/bench-data
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-1}
read -r -a sizes <<<"${BENCH_SIZES:-200M 1G}"
read -r -a archetypes <<<"${BENCH_ARCHETYPES:-community audience}"
cli=$build/cli/meshcheck
gen=$build/bench/meshcheck_gen
raw=$build/bench/tokenizer_bench

if [[ ! -f $build/CMakeCache.txt ]]; then
  echo "bench: no build in $build (run 'make native' or 'cmake --preset native' first)" >&2
  exit 1
fi
cmake --build "$build" --target meshcheck meshcheck_gen tokenizer_bench >/dev/null

# "200M" -> 200000000 (K, M, G = 1000^n; Ki, Mi, Gi = 1024^n, as meshcheck_gen reads them).
size_bytes() {
  local s=$1 n unit=1
  case $s in
    *Ki) unit=1024 ;; *Mi) unit=$((1 << 20)) ;; *Gi) unit=$((1 << 30)) ;;
    *K) unit=1000 ;; *M) unit=1000000 ;; *G) unit=1000000000 ;;
  esac
  n=${s%%[KMGi]*}
  echo $((n * unit))
}

# ---- Inputs (cached). A file's name carries a fingerprint of the generator's output (a small
# export's checksum), so a changed generator never reuses stale inputs.
mkdir -p "$data"
declare -A input
files=()
missing=0
for archetype in "${archetypes[@]}"; do
  fingerprint=$("$gen" --archetype "$archetype" --seed "$seed" --bytes 300K --out - 2>/dev/null |
    md5sum | cut -c1-8)
  for size in "${sizes[@]}"; do
    file=$data/$archetype-seed$seed-$size-$fingerprint.json
    input[$archetype:$size]=$file
    files+=("$file")
    if [[ ! -f $file ]]; then
      rm -f "$data/$archetype-seed$seed-$size"-*.json  # Stale inputs of an older generator.
      missing=$((missing + $(size_bytes "$size")))
    fi
  done
done
free=$(df --output=avail -B1 "$data" | tail -n 1)
if ((missing > 0 && missing + (1 << 30) > free)); then
  echo "bench: the inputs need $((missing / 1000000)) MB in $data (plus 1 GB to spare);" \
    "only $((free / 1000000)) MB are free" >&2
  exit 1
fi
for archetype in "${archetypes[@]}"; do
  for size in "${sizes[@]}"; do
    file=${input[$archetype:$size]}
    if [[ ! -f $file ]]; then
      "$gen" --archetype "$archetype" --seed "$seed" --bytes "$size" --out "$file.tmp"
      mv "$file.tmp" "$file"
    fi
  done
done

# ---- Measurements. measure KEY COMMAND... runs COMMAND $runs times (stdout discarded) and sets
# seconds[KEY] (best) and peak_kb[KEY] (highest).
declare -A seconds peak_kb
time_out=$(mktemp)
trap 'rm -f "$time_out"' EXIT
measure() {
  local key=$1 run start end
  shift
  seconds[$key]=
  peak_kb[$key]=0
  for ((run = 0; run < runs; ++run)); do
    start=$EPOCHREALTIME
    if ! /usr/bin/time -f "%M" -o "$time_out" "$@" >/dev/null; then
      echo "bench: failed: $*" >&2
      exit 1
    fi
    end=$EPOCHREALTIME
    local elapsed kb
    elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    kb=$(tail -n 1 "$time_out")
    if [[ -z ${seconds[$key]} ]] || awk -v e="$elapsed" -v b="${seconds[$key]}" \
      'BEGIN { exit !(e < b) }'; then
      seconds[$key]=$elapsed
    fi
    if ((kb > peak_kb[$key])); then
      peak_kb[$key]=$kb
    fi
  done
}

for file in "${files[@]}"; do
  echo "bench: $(basename "$file"): native CLI, raw tokenizer ($runs runs each)" >&2
  measure "cli:$file" "$cli" analyze "$file" --json
  measure "raw:$file" "$raw" "$file"
done

# ---- Headless Chromium row: the page in build/web, driven by bench/chromium_bench.mjs
# (document.body.dataset.state, #file, window.meshcheck.last; served by scripts/serve.mjs).
chromium=0
if [[ ${BENCH_CHROMIUM:-1} != 0 && -f build/web/index.html && -d node_modules/playwright-core &&
  -x /usr/bin/chromium ]]; then
  chromium=1
  echo "bench: headless Chromium ($runs runs per file, a fresh browser each)" >&2
  declare -A field
  while read -r line; do
    field=()
    for pair in $line; do field[${pair%%=*}]=${pair#*=}; done
    key="web:${field[file]#"$PWD/"}"
    seconds[$key]=${field[seconds]}
    peak_kb[$key]=${field[peak_kb]}
  done < <(node bench/chromium_bench.mjs --runs "$runs" "${files[@]}")
else
  echo "bench: no Chromium row (needs build/web, node_modules/playwright-core and" \
    "/usr/bin/chromium; BENCH_CHROMIUM=0 skips it)" >&2
fi

# ---- Table.
row() {  # row INPUT SIZE PATH KEY BYTES
  local s=${seconds[$4]}
  printf '%-40s %9s  %-14s %8.1f %10.1f %9.3f\n' "$1" "$2" "$3" \
    "$(awk -v b="$5" -v s="$s" 'BEGIN { print b / 1e6 / s }')" \
    "$(awk -v k="${peak_kb[$4]}" 'BEGIN { print k / 1024 }')" "$s"
}
echo
printf '%-40s %9s  %-14s %8s %10s %9s\n' input size path "MB/s" "peak MiB" seconds
for file in "${files[@]}"; do
  bytes=$(stat -c %s "$file")
  name=$(basename "$file")
  size="$(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }')"
  row "$name" "$size" "native CLI" "cli:$file" "$bytes"
  row "" "" "raw tokenizer" "raw:$file" "$bytes"
  if ((chromium)); then
    row "" "" "Chromium page" "web:$file" "$bytes"
  fi
  printf '%-40s %9s  %-14s %8s\n' "" "" "full / raw" \
    "$(awk -v c="${seconds[cli:$file]}" -v r="${seconds[raw:$file]}" \
      'BEGIN { printf "%.2f", r / c }')"
done
