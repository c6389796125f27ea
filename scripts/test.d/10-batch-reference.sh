#!/usr/bin/env bash
# `reglament batch` against the independent Python oracle (tests/reference/):
# hand-written cases, error lines, and 3000 random cases across 23 zones.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -p reglament-cli
python3 tests/reference/check_batch.py --bin "${CARGO_TARGET_DIR:-target}/release/reglament"
