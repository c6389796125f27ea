#!/usr/bin/env bash
# The period report's HTML page in headless Chromium (issue 15): no network
# request, no console error, the JSON's numbers shown, printed to PDF on A4;
# regenerates docs/report-a4.png and docs/report-1280.png.
# Installs what is missing: Debian's chromium, bindings/js's npm dev
# dependencies (playwright-core).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
[ -d bindings/js/node_modules/playwright-core ] || (cd bindings/js && npm ci --no-audit --no-fund)
cargo build -p reglament-cli
node scripts/report-html-check.mjs "${CARGO_TARGET_DIR:-target}/debug/reglament"
