#!/usr/bin/env bash
# Regenerates the core's committed time-zone tables from chrono-tz
# (tools/zonegen): core/src/calendar/zone/table.rs (every zone) and
# table_slim.rs (the zones the slim WebAssembly build keeps, feature
# `reglament/zone-filter`). Run it after updating chrono-tz.
#   bash scripts/zonegen.sh           rewrite both tables
#   bash scripts/zonegen.sh --check   fail when a committed table is stale (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
# The slim build's filter: the same as SLIM_FILTER in bindings/js/build.mjs.
SLIM_FILTER='^(Europe/Kyiv|Europe/Kiev|UTC|Etc/UTC)$'
grep -qF "SLIM_FILTER = '$SLIM_FILTER'" bindings/js/build.mjs || {
  echo "scripts/zonegen.sh: SLIM_FILTER differs from bindings/js/build.mjs" >&2
  exit 1
}
check=()
[ "${1:-}" = "--check" ] && check=(--check)
dir=core/src/calendar/zone
cargo run --quiet --locked -p zonegen -- "${check[@]}" "$dir/table.rs"
CHRONO_TZ_TIMEZONE_FILTER="$SLIM_FILTER" \
  cargo run --quiet --locked -p zonegen --features zone-filter -- "${check[@]}" "$dir/table_slim.rs"
