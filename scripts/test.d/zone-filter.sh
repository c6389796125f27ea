#!/usr/bin/env bash
# The zone table under chrono-tz's filter (the slim WASM build's setting):
# built from the same filtered zones as the runtime chrono-tz, so every zone
# that parses has a row (core/src/calendar/zone.rs, tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
CHRONO_TZ_TIMEZONE_FILTER='^(Europe/Kyiv|Europe/Kiev|UTC|Etc/UTC)$' \
  cargo test -p reglament --features zone-filter --lib calendar::zone
