#!/usr/bin/env bash
# `make bench`, after the build: throughput, peak memory and time per phase of meshcheck on
# generated exports (bench/gen): DiscordChatExporter JSON of archetypes `community` and
# `audience` (200 MB and 1 GB by default), a Slack export zip and a WhatsApp text (200 MB each,
# `community`), and the analysis alone of a 100,000-member, 5,000,000-reply graph.
#
# For each export, best of $BENCH_RUNS runs with the file in the page cache:
#   native CLI     build/native/cli/meshcheck analyze FILE --json --timings > /dev/null; the
#                  phases (read, tokenize, model, graph, metrics, classify, report) are those of
#                  the fastest run (the CLI's --timings line)
#   raw tokenizer  build/native/bench/tokenizer_bench FILE (JSON inputs): ingest::JsonTokenizer
#                  alone with a counting handler, the floor under any JSON reader. "ingest / raw"
#                  is its time over the CLI's read + tokenize + model, "full / raw" over the
#                  CLI's whole run
#   Chromium page  bench/chromium_bench.mjs: the page of build/web in headless Chromium, from
#                  handing it the file to its verdict, with the wasm heap at the end and the
#                  phases of the fastest run (read: the worker waiting for the file and copying
#                  it into wasm memory; tokenize..report: the core's, as the CLI's; render: the
#                  page's, from the report's arrival to the verdict) (skipped without build/web,
#                  playwright-core or /usr/bin/chromium, or with BENCH_CHROMIUM=0)
#   graph          build/native/bench/graph_bench: a Dataset of 100k members and 5M replies built
#                  through the EventSink API, then the analysis the Session runs after the last
#                  input, with explicit reply links and with every reply inferred (the verdict
#                  then rebuilds the graph and tally for three more inference windows)
# MB/s counts 10^6 bytes per wall-clock second; peak memory is the peak RSS (the renderer's,
# worker included, for Chromium), the highest over the runs.
#
# Inputs are generated once and cached in build/bench-data/, keyed by format, archetype, seed and
# size. Settings (environment): BENCH_BUILD_DIR (build/native), BENCH_SIZES ("200M 1G"),
# BENCH_ARCHETYPES ("community audience"), BENCH_OTHER_FORMATS ("slack whatsapp"),
# BENCH_OTHER_SIZE (200M), BENCH_SEED (1), BENCH_RUNS (3), BENCH_GRAPH_RUNS (BENCH_RUNS),
# BENCH_CHROMIUM (1), BENCH_GRAPH (1), BENCH_WASM_DIR (build/wasm/wasm: the "wasm (node)" row,
# bench/wasm_heap.mjs, the module's heap after the analysis; skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

build=${BENCH_BUILD_DIR:-build/native}
data=build/bench-data
runs=${BENCH_RUNS:-3}
graph_runs=${BENCH_GRAPH_RUNS:-$runs}
seed=${BENCH_SEED:-1}
read -r -a sizes <<<"${BENCH_SIZES:-200M 1G}"
read -r -a archetypes <<<"${BENCH_ARCHETYPES:-community audience}"
read -r -a other_formats <<<"${BENCH_OTHER_FORMATS:-slack whatsapp}"
other_size=${BENCH_OTHER_SIZE:-200M}
cli=$build/cli/meshcheck
gen=$build/bench/meshcheck_gen
raw=$build/bench/tokenizer_bench
graph_bench=$build/bench/graph_bench
phases=(read tokenize model graph metrics classify report render)

if [[ ! -f $build/CMakeCache.txt ]]; then
  echo "bench: no build in $build (run 'make native' or 'cmake --preset native' first)" >&2
  exit 1
fi
cmake --build "$build" --target meshcheck meshcheck_gen tokenizer_bench graph_bench >/dev/null

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
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
declare -A input
files=()
plan=()  # "format archetype size file" per input.
missing=0
extension() {
  case $1 in dce) echo json ;; slack) echo zip ;; whatsapp) echo txt ;; esac
}
add_input() {  # add_input FORMAT ARCHETYPE SIZE
  local format=$1 archetype=$2 size=$3 ext fingerprint prefix file
  ext=$(extension "$format")
  "$gen" --format "$format" --archetype "$archetype" --seed "$seed" --bytes 300K \
    --out "$scratch/fingerprint.$ext" >/dev/null 2>&1
  fingerprint=$(md5sum <"$scratch/fingerprint.$ext" | cut -c1-8)
  prefix=$archetype-seed$seed-$size
  [[ $format == dce ]] || prefix=$format-$prefix
  file=$data/$prefix-$fingerprint.$ext
  input[$format:$archetype:$size]=$file
  files+=("$file")
  plan+=("$format $archetype $size $file")
  if [[ ! -f $file ]]; then
    rm -f "$data/$prefix"-*."$ext"  # Stale inputs of an older generator.
    missing=$((missing + $(size_bytes "$size")))
  fi
}
for archetype in "${archetypes[@]}"; do
  for size in "${sizes[@]}"; do
    add_input dce "$archetype" "$size"
  done
done
for format in "${other_formats[@]}"; do
  add_input "$format" community "$other_size"
done
free=$(df --output=avail -B1 "$data" | tail -n 1)
if ((missing > 0 && missing + (1 << 30) > free)); then
  echo "bench: the inputs need $((missing / 1000000)) MB in $data (plus 1 GB to spare);" \
    "only $((free / 1000000)) MB are free" >&2
  exit 1
fi
for entry in "${plan[@]}"; do
  read -r format archetype size file <<<"$entry"
  if [[ ! -f $file ]]; then
    tmp=$scratch/input.$(extension "$format")
    "$gen" --format "$format" --archetype "$archetype" --seed "$seed" --bytes "$size" --out "$tmp"
    mv "$tmp" "$file"
  fi
done

# ---- Measurements. measure KEY COMMAND... runs COMMAND $runs times (stdout discarded) and sets
# seconds[KEY] (best), peak_kb[KEY] (highest) and timings[KEY] (the best run's "timings ..."
# or "phases ..." line, if the command prints one).
declare -A seconds peak_kb timings
measure() {
  local key=$1 n=$2 run start end elapsed kb
  shift 2
  seconds[$key]=
  peak_kb[$key]=0
  timings[$key]=
  for ((run = 0; run < n; ++run)); do
    start=$EPOCHREALTIME
    if ! /usr/bin/time -f "%M" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err"; then
      echo "bench: failed: $*" >&2
      cat "$scratch/err" >&2
      exit 1
    fi
    end=$EPOCHREALTIME
    elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    kb=$(tail -n 1 "$scratch/time")
    if [[ -z ${seconds[$key]} ]] || awk -v e="$elapsed" -v b="${seconds[$key]}" \
      'BEGIN { exit !(e < b) }'; then
      seconds[$key]=$elapsed
      timings[$key]=$(cat "$scratch/err" "$scratch/out" | sed -n -E '/^(timings|phases) /p' |
        tail -n 1)
    fi
    if ((kb > peak_kb[$key])); then
      peak_kb[$key]=$kb
    fi
  done
}

for file in "${files[@]}"; do
  echo "bench: $(basename "$file"): native CLI$([[ $file == *.json ]] && echo ", raw tokenizer")" \
    "($runs runs each)" >&2
  measure "cli:$file" "$runs" "$cli" analyze "$file" --json --timings
  if [[ $file == *.json ]]; then
    measure "raw:$file" "$runs" "$raw" "$file"
  fi
done

graph=0
if [[ ${BENCH_GRAPH:-1} != 0 ]]; then
  graph=1
  echo "bench: graph_bench, 100k members and 5M replies, explicit and inferred" \
    "($graph_runs runs each)" >&2
  measure "graph:explicit" "$graph_runs" "$graph_bench"
  measure "graph:inferred" "$graph_runs" "$graph_bench" --inferred
fi

# ---- Headless Chromium row: the page in build/web, driven by bench/chromium_bench.mjs
# (document.body.dataset.state, #file, window.meshcheck.last; served by scripts/serve.mjs).
chromium=0
declare -A heap_bytes field
if [[ ${BENCH_CHROMIUM:-1} != 0 && -f build/web/index.html && -d node_modules/playwright-core &&
  -x /usr/bin/chromium ]]; then
  chromium=1
  echo "bench: headless Chromium ($runs runs per file, a fresh browser each)" >&2
  while read -r line; do
    field=()
    for pair in $line; do field[${pair%%=*}]=${pair#*=}; done
    key="web:${field[file]#"$PWD/"}"
    seconds[$key]=${field[seconds]}
    peak_kb[$key]=${field[peak_kb]}
    heap_bytes[$key]=${field[wasm_heap_bytes]}
    timings[$key]="timings"
    for p in "${phases[@]}"; do timings[$key]+=" $p=${field[$p]:--}"; done
    if ((${field[read_stalls]:-0} > 0)); then
      echo "bench: ${field[file]}: the page's worker gave up ${field[read_stalls]} stalled" \
        "read(s) of the file and read on (web/worker.js, FileChunks)" >&2
    fi
  done < <(node bench/chromium_bench.mjs --runs "$runs" "${files[@]}")
else
  echo "bench: no Chromium row (needs build/web, node_modules/playwright-core and" \
    "/usr/bin/chromium; BENCH_CHROMIUM=0 skips it)" >&2
fi

# ---- wasm under node (bench/wasm_heap.mjs): the module of $BENCH_WASM_DIR (build/wasm/wasm)
# fed as the page's worker feeds it; its heap after the analysis (wasm memory never shrinks).
wasm_dir=${BENCH_WASM_DIR:-build/wasm/wasm}
node_wasm=0
if [[ -f $wasm_dir/meshcheck.wasm ]]; then
  node_wasm=1
  echo "bench: wasm under node, $wasm_dir (1 run per file)" >&2
  while read -r line; do
    field=()
    for pair in $line; do field[${pair%%=*}]=${pair#*=}; done
    key="wasm:${field[file]#"$PWD/"}"
    seconds[$key]=${field[seconds]}
    peak_kb[$key]=0
    heap_bytes[$key]=${field[finish_heap_bytes]}
  done < <(node bench/wasm_heap.mjs --wasm "$wasm_dir" "${files[@]}")
fi

# ---- Table.
phase_of() {  # phase_of KEY NAME: NAME=S from the key's timings line, or "-".
  local value
  value=$(tr ' ' '\n' <<<"${timings[$1]:-}" | sed -n "s/^$2=//p")
  echo "${value:--}"
}
missing=0  # rows whose run failed (its error is printed above the table)
row() {  # row INPUT SIZE PATH KEY BYTES (BYTES 0: no MB/s)
  if [[ -z ${seconds[$4]:-} ]]; then
    printf '%-44s %8s  %-15s %7s\n' "$1" "$2" "$3" "failed (see the error above the table)"
    missing=1
    return
  fi
  local s=${seconds[$4]} p mbps=- heap=-
  if (($5 > 0)); then
    mbps=$(awk -v b="$5" -v s="$s" 'BEGIN { printf "%.1f", b / 1e6 / s }')
  fi
  if [[ -n ${heap_bytes[$4]:-} ]]; then
    heap=$(awk -v h="${heap_bytes[$4]}" 'BEGIN { printf "%.1f", h / 1048576 }')
  fi
  printf '%-44s %8s  %-15s %7s %8s %8.3f' "$1" "$2" "$3" "$mbps" \
    "$(awk -v k="${peak_kb[$4]}" 'BEGIN { if (k > 0) printf "%.1f", k / 1024; else print "-" }')" \
    "$s"
  for p in "${phases[@]}"; do
    printf ' %8s' "$(phase_of "$4" "$p")"
  done
  printf ' %9s\n' "$heap"
}
ratio_row() {  # ratio_row LABEL NUMERATOR DENOMINATOR
  printf '%-44s %8s  %-15s %7s\n' "" "" "$1" \
    "$(awk -v n="$2" -v d="$3" 'BEGIN { printf "%.2f", n / d }')"
}
echo
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg); $(nproc) CPUs; best of $runs runs" \
  "(graph: $graph_runs)"
printf '%-44s %8s  %-15s %7s %8s %8s' input size path "MB/s" "peak MiB" seconds
for p in "${phases[@]}"; do
  printf ' %8s' "$p"
done
printf ' %9s\n' "heap MiB"
for file in "${files[@]}"; do
  bytes=$(stat -c %s "$file")
  name=$(basename "$file")
  size="$(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }')"
  row "$name" "$size" "native CLI" "cli:$file" "$bytes"
  if [[ $file == *.json ]]; then
    row "" "" "raw tokenizer" "raw:$file" "$bytes"
  fi
  if ((chromium)); then
    row "" "" "Chromium page" "web:$file" "$bytes"
  fi
  if ((node_wasm)); then
    row "" "" "wasm (node)" "wasm:$file" "$bytes"
  fi
  if [[ $file == *.json ]]; then
    ingest=$(awk -v r="$(phase_of "cli:$file" read)" -v t="$(phase_of "cli:$file" tokenize)" \
      -v m="$(phase_of "cli:$file" model)" 'BEGIN { print r + t + m }')
    ratio_row "ingest / raw" "${seconds[raw:$file]}" "$ingest"
    ratio_row "full / raw" "${seconds[raw:$file]}" "${seconds[cli:$file]}"
  fi
done
if ((graph)); then
  for variant in explicit inferred; do
    seconds[graph:$variant]=$(phase_of "graph:$variant" total)  # The analysis, not the setup.
    label="graph 100k members, $(phase_of "graph:$variant" edges) edges ($variant)"
    row "$label" "-" "analysis" "graph:$variant" 0
  done
fi
exit "$missing"  # a failed run fails `make bench`, after the table
