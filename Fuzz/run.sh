#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer,address) and runs each for FUZZ_SECONDS (default 60).
# Seeds: Fuzz/Seeds/<target> plus, for the reader, ../shared/corpus cut into line-aligned 4 KiB slices.
# New inputs go to .build-fuzz/corpus/<target>; a crash, leak or timeout leaves its input in
# Fuzz/Crashes/ and fails the run: once fixed, move it to Fuzz/Regressions/<target>/, which the test
# suite replays (and the fuzzers start from). Prints one summary line per target.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
SCRATCH="$(cd .. && pwd)/.build-fuzz"
# --sanitize=fuzzer alone does not reach the library modules' compile jobs here: ask for the coverage explicitly.
swift build -c release --sanitize=fuzzer --sanitize=address --scratch-path "$SCRATCH" \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table 2>&1 | grep -v "Cannot export local symbol" | tail -1
for target in TextReader ControlCodec; do
  # (grep without -q: with pipefail, readelf killed by SIGPIPE would read as a failure.)
  readelf -S "$SCRATCH/release/Fuzz$target" | grep __sancov_cntrs >/dev/null || { echo "Fuzz$target has no coverage instrumentation" >&2; exit 1; }
done
mkdir -p Crashes "$SCRATCH/corpus/TextReader" "$SCRATCH/corpus/ControlCodec" "$SCRATCH/slices"
if [ -d ../../shared/corpus ] && [ -z "$(ls -A "$SCRATCH/slices")" ]; then
  for file in ../../shared/corpus/*.txt; do split -C 4096 -d -a 4 "$file" "$SCRATCH/slices/$(basename "$file" .txt)-"; done
fi

status=0
run() {  # target, extra libFuzzer flags...
  local target="$1"; shift
  local log="$SCRATCH/$target.log"
  if "$SCRATCH/release/Fuzz$target" "$SCRATCH/corpus/$target" "Seeds/$target" "Regressions/$target" "$@" \
      -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="Crashes/$target-" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED; status=1
  fi
  local runs execs cov
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  execs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  echo "fuzz $target: $result, $runs inputs in ${SECONDS_EACH}s ($execs/s), $cov, corpus $(ls "$SCRATCH/corpus/$target" | wc -l) files; log $log"
  if [ "$result" = FAILED ]; then grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)|Fatal error|ALARM' "$log" | head -5; fi
}
run TextReader "$SCRATCH/slices" -max_len=16384
run ControlCodec -max_len=4096 -dict=ControlCodec.dict
exit $status
