#!/usr/bin/env bash
# The fuzz smoke run: every cargo-fuzz target of fuzz/ for a few seconds from
# the seed corpora (tests/vectors/ and fuzz/seeds/). About 2.5 minutes with a
# warm cache; fails on any crash, leak, timeout or out-of-memory.
set -euo pipefail
exec bash "$(dirname "$0")/../../fuzz/smoke.sh"
