#!/usr/bin/env bash
# The C library (header check, C tests plain / valgrind / ASan+UBSan, the
# conformance vectors through the C API) and its Python ctypes binding.
set -euo pipefail
exec bash "$(dirname "$0")/../../bindings/c/run-tests.sh"
