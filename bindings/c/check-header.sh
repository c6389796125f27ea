#!/usr/bin/env bash
# Fails when the committed bindings/c/reglament.h differs from what cbindgen
# generates from ffi/src now. With --update, replaces the committed header.
# Usage: bash bindings/c/check-header.sh [--update] [PREFIX]
#   PREFIX: a prefix staged by build.sh (default: runs build.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
update=no
if [ "${1:-}" = --update ]; then update=yes; shift; fi
prefix="${1:-$(bash "$here/build.sh" | tail -1)}"
fresh="$prefix/share/reglament/reglament.generated.h"
[ -f "$fresh" ] || { echo "check-header: $fresh is missing (run build.sh)" >&2; exit 1; }
if [ "$update" = yes ]; then
  cp "$fresh" "$here/reglament.h"
  cp "$fresh" "$prefix/include/reglament.h"
  echo "bindings/c/reglament.h updated"
elif diff -u "$here/reglament.h" "$fresh"; then
  echo "bindings/c/reglament.h is up to date"
else
  echo "bindings/c/reglament.h is stale: run bash bindings/c/check-header.sh --update and commit it" >&2
  exit 1
fi
