#!/usr/bin/env bash
# Fuzz smoke run, for CI: builds every cargo-fuzz target of fuzz/ (nightly,
# AddressSanitizer, overflow checks) and runs each for a few seconds from
# the seed corpora (the conformance vectors of tests/vectors/ and the
# hand-written seeds of fuzz/seeds/, written by fuzz/seeds.py into a scratch
# directory). Fails on the first crash, leak, timeout (10 s per input) or
# out-of-memory, printing the input that triggered it.
#
#   bash fuzz/smoke.sh                 every target, FUZZ_SECONDS (default 17) each
#   FUZZ_SECONDS=60 bash fuzz/smoke.sh ticket_ops events_replay
#
# Installs cargo-fuzz (cargo install --locked) and the nightly toolchain only
# when missing. About 2.5 min with a warm cache, 4.5 min from scratch.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
seconds="${FUZZ_SECONDS:-17}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(regulation_json calendar_json events_replay ticket_ops calendar_arith ffi_bytes)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

# cargo-fuzz keeps its own target directory (fuzz/target) unless told otherwise.
unset CARGO_TARGET_DIR
start=$(date +%s)
cargo +nightly fuzz build
echo "built in $(( $(date +%s) - start )) s"

work="$(mktemp -d "${TMPDIR:-/tmp}/reglament-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$here/seeds.py" "$work/corpus"
mkdir -p "$work/artifacts"

bin="$here/target/x86_64-unknown-linux-gnu/release"
status=0
for t in "${targets[@]}"; do
  log="$work/$t.log"
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  if "$bin/$t" "$work/corpus/$t" -dict="$here/reglament.dict" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$t/" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1)
    printf 'ok    %-16s %8s execs  %6s/s  %s\n' "$t" "$execs" "$rate" "$cov"
  else
    status=1
    printf 'FAIL  %s\n' "$t"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' -A3 "$log" | head -40
    for a in "$work/artifacts/$t"/*; do
      [ -e "$a" ] || continue
      echo "--- input $(basename "$a") (base64):"
      base64 -w 0 "$a"; echo
      mkdir -p "$here/artifacts/$t" && cp "$a" "$here/artifacts/$t/"
      echo "--- kept as fuzz/artifacts/$t/$(basename "$a"); reproduce with: cargo +nightly fuzz run $t fuzz/artifacts/$t/$(basename "$a")"
    done
  fi
done
echo "fuzz smoke: $(( $(date +%s) - start )) s in all"
exit $status
