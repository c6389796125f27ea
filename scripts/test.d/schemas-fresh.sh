#!/usr/bin/env bash
# The JSON Schemas of schemas/ and the reference pages docs/regulation-file.md
# and docs/events.md are written by scripts/gen-schemas.py: the committed
# files must be what it writes now. (The schemas against the core:
# cli/tests/schemas.rs, part of `cargo test`.)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/gen-schemas.py --check
