#!/usr/bin/env bash
# The long fuzz run behind the figures of fuzz/README.md: each target until
# 10 million executions or SECONDS_PER_TARGET (default 3600) seconds,
# whichever comes first, one after the other under `nice -n 19`, from the
# seeds (fuzz/seeds.py) and the corpus of earlier runs (fuzz/corpus/, kept).
# The core targets run without AddressSanitizer (the core forbids `unsafe`;
# overflow checks and debug assertions stay on), ffi_bytes with it (and
# LeakSanitizer). Logs and a summary in fuzz/long/.
#
#   bash fuzz/long.sh [target...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
unset CARGO_TARGET_DIR
budget="${SECONDS_PER_TARGET:-3600}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(calendar_json regulation_json events_replay ticket_ops calendar_arith ffi_bytes)
mkdir -p long corpus
python3 seeds.py corpus >/dev/null
summary="long/summary.tsv"
[ -e "$summary" ] || printf 'target\tsanitizer\texecs\texecs_per_s\tseconds\tcov\tft\tcorpus\tresult\tcommit\n' >"$summary"
for t in "${targets[@]}"; do
  san=none
  [ "$t" = ffi_bytes ] && san=address
  # rebuilt before each target (a no-op when nothing changed): the code
  # under test is the working tree's at that moment, recorded as its commit
  # one target directory per sanitizer, so that two chains of this script
  # can run side by side without rebuilding each other's binaries
  nice -n 19 cargo +nightly fuzz build -s "$san" --target-dir "$here/target-$san" "$t" >"long/build-$t.log" 2>&1
  bin="$here/target-$san/x86_64-unknown-linux-gnu/release"
  commit="$(git -C "$here" rev-parse --short HEAD)$(git -C "$here/.." diff --quiet -- core ffi || echo +changes)"
  dict=()
  case "$t" in regulation_json|calendar_json|events_replay|ffi_bytes) dict=(-dict="$here/reglament.dict") ;; esac
  mkdir -p "long/artifacts/$t"
  start=$(date +%s)
  result=ok
  nice -n 19 "$bin/$t" "corpus/$t" "${dict[@]}" -runs=10000000 -max_total_time="$budget" \
    -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="long/artifacts/$t/" >"long/$t.log" 2>&1 || result=CRASH
  secs=$(( $(date +%s) - start ))
  log="long/$t.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
  ft=$(grep -Eo 'ft: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
  corp=$(grep -Eo 'corp: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$san" "$execs" "$rate" "$secs" "$cov" "$ft" "$corp" "$result" "$commit" >>"$summary"
done
column -t -s $'\t' "$summary"
