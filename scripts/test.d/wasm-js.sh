#!/usr/bin/env bash
# The WASM face: the npm package built from wasm/ (wasm-bindgen), its types
# checked with tsc, every conformance vector in Node and in headless Chromium,
# and the demo board walked to the archive.
set -euo pipefail
exec bash "$(dirname "$0")/../../bindings/js/run-tests.sh"
