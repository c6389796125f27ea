#!/usr/bin/env bash
# Miri (nightly) over the tests that run in reasonable time under it:
#
#  * core (`reglament --lib`): every unit test that does not compile a
#    calendar with the Ukrainian holidays — parsing (fields, instants,
#    events), the vocabularies, the permission table, i18n, the holiday
#    rules year by year (all but `every_year_is_consistent`, 440 years),
#    the SLA interval helpers and scratch lists, and `must_register`. Compiling the default
#    Kyiv calendar alone takes over 10 minutes under Miri, so the tests
#    built on it (calendar, regulation, ticket, sla, describe, rules) stay
#    with the native run; the core forbids `unsafe`, so what Miri adds there
#    is a check of its dependencies (chrono, chrono-tz, serde_json) on these
#    paths.
#  * ffi (`reglament-ffi`): its unit tests, and `ffi/tests/boundary.rs`,
#    which drives every unsafe path of the C boundary (handles made, cloned,
#    freed; NULL, misaligned and wrong-type handles; invalid UTF-8; error
#    objects; strings; ticket arrays) with calendars Miri compiles quickly.
#    No leak: a caught panic's payload is dropped (under a guard of its
#    own), not forgotten.
#
# Last run (2026-11-26, 2 cores shared with two fuzzers): core 54 tests in
# 240 s, ffi unit 3 tests, ffi boundary 4 tests in 63 s; no undefined
# behaviour, no leak; 592 s in all.
#
# Usage: bash scripts/miri.sh            (about 6-10 minutes on 2 cores; not in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
rustup +nightly component list --installed | grep -q '^miri' || rustup +nightly component add miri
cargo +nightly miri setup

start=$(date +%s)
step() { printf '\n=== %s (%d s) ===\n' "$*" $(( $(date +%s) - start )); }

step "miri: core unit tests without the Ukrainian calendar"
cargo +nightly miri test -p reglament --lib -- \
  fields:: instant:: i18n:: model:: holidays:: ticket::event:: ticket::permissions:: \
  sla::line::tests::merge sla::small:: sla::explain::tests::subtract rules::tests::must_register \
  sort::tests::a_reversed_order_and_the_empty_list \
  --skip holidays::tests::every_year_is_consistent

step "miri: ffi unit tests"
cargo +nightly miri test -p reglament-ffi --lib

step "miri: ffi boundary tests"
cargo +nightly miri test -p reglament-ffi --test boundary

step "miri: all passed"
