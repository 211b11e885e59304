#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for a given time.
#
#   Fuzz/run.sh [seconds] [target…]      # default: 60 seconds, every target
#   FUZZ_JOBS=2 Fuzz/run.sh 600          # two targets at a time
#
# Targets: yaml, cel-compile, cel-eval, ruleset. Seeds are read from Seeds/<target>/; the
# growing corpus is kept in .build/corpus/<target>/ and crashes, timeouts and out-of-memory
# inputs land in .build/findings/<target>/. Each run's log is .build/logs/<target>.log; the
# script prints its final figures (execs, exec/s, cov, ft) and exits 1 if any target found
# something. Extra libFuzzer flags can be passed in FUZZ_FLAGS.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(yaml cel-compile cel-eval ruleset); fi
jobs="${FUZZ_JOBS:-1}"

swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)"

# Inputs longer than this are not generated; rulesets and snapshots need more room than
# expressions.
max_len() {
    case "$1" in
        yaml | ruleset) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

run_one() {
    local target="$1"
    mkdir -p ".build/corpus/$target" ".build/findings/$target" .build/logs
    local log=".build/logs/$target.log"
    # libFuzzer stops by itself after max_total_time; `timeout` is the backstop for a hang
    # that libFuzzer's own -timeout cannot interrupt.
    # The Swift runtime's backtracer would take the crash signal from libFuzzer (slowly).
    SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}" \
        timeout --signal=KILL $((seconds + 120)) "$bin/fuzz-$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=4096 \
        -max_len="$(max_len "$target")" -print_final_stats=1 \
        -artifact_prefix=".build/findings/$target/" ${FUZZ_FLAGS:-} \
        ".build/corpus/$target" "Seeds/$target" >"$log" 2>&1 || true
}

pids=()
for target in "${targets[@]}"; do
    run_one "$target" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}"
        pids=("${pids[@]:1}")
    fi
done
wait

status=0
printf '%-12s %12s %8s %7s %7s %8s  %s\n' target execs exec/s cov ft seconds findings
for target in "${targets[@]}"; do
    log=".build/logs/$target.log"
    last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
    execs="$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "${last%% *}")"
    rate="$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
    cov="$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo '?')"
    ft="$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || echo '?')"
    elapsed="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' || echo '?')"
    findings="$(find ".build/findings/$target" -type f | wc -l)"
    printf '%-12s %12s %8s %7s %7s %8s  %s\n' "$target" "$execs" "$rate" "$cov" "$ft" "$elapsed" "$findings"
    if [ "$findings" -gt 0 ]; then status=1; fi
done
exit "$status"
