#!/usr/bin/env bash
# Every test of reglament, from a fresh clone: installs what is missing
# (idempotently), then formats-check, lints, and runs each face's tests.
# Usage: bash scripts/test.sh        (the README's test command; .ci/run calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n=== %s ===\n' "$*"; }

step "toolchain"
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
cargo --version

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (unit, property, conformance vectors, doctests)"
cargo test --workspace

step "CLI smoke: the README's walk-through and the batch protocol"
cargo build --release -p reglament-cli
bin="${CARGO_TARGET_DIR:-target}/release/reglament"
$bin demo > /dev/null
answer=$(printf '%s\n' '{"id":7,"op":"add","at":"2026-03-27T15:00:00Z","seconds":7200}' | $bin batch)
[ "$answer" = '{"id":7,"at":"2026-03-30T07:00:00Z"}' ] || { echo "batch answered: $answer"; exit 1; }

for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$extra"
  bash "$extra"
done

step "all tests passed"
