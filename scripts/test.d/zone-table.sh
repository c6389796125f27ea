#!/usr/bin/env bash
# The committed time-zone tables (core/src/calendar/zone/table*.rs) are what
# tools/zonegen writes from this Cargo.lock's chrono-tz: fails when stale.
set -euo pipefail
exec bash "$(dirname "$0")/../zonegen.sh" --check
