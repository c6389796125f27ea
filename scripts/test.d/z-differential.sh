#!/usr/bin/env bash
# Issue 22: the faces agree on every input. Seeded random request histories
# and calendar operations through the CLI, the C library (Python ctypes) and
# WebAssembly (Node), whole outputs compared; then the self-check that a
# difference planted in each face fails the comparison. Runs after c-api.sh
# and wasm-js.sh (glob order), which build the library and the package.
#   more on demand: python3 tests/differential/diff.py --seed N --histories 5000 --ops 50000
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac
export REGLAMENT_BIN="$target/release/reglament"
lib_given="${REGLAMENT_LIB:+yes}"
export REGLAMENT_LIB="${REGLAMENT_LIB:-$target/c/debug/lib/libreglament.so}"
# always (a no-op when fresh): a binary or library left from an older tree
# would compare yesterday's faces
cargo build --release -p reglament-cli
[ -n "$lib_given" ] || bash bindings/c/build.sh >/dev/null
[ -f bindings/js/dist/full/reglament_wasm_bg.wasm ] || (cd bindings/js && node build.mjs)
python3 tests/differential/diff.py --seed "${DIFF_SEED:-20261205}" --histories 300 --ops 2000
python3 tests/differential/diff.py --self-check
