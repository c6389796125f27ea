#!/usr/bin/env bash
# Every test of the C library and its Python binding, from a fresh clone:
#
#  1. builds the ffi crate and stages libreglament.{a,so}, the header and
#     reglament.pc (build.sh);
#  2. fails when the committed header differs from a fresh cbindgen run,
#     when README.md's function list differs from the header, and when the
#     staged libraries are not clean release artifacts (check-artifacts.sh:
#     only reglament_* global, stripped, debug info split off, two copies
#     of the static library link into one program); compiles the header
#     alone as C89/C99/C11/C2x (-pedantic -Wundef -Wc++-compat) and C++;
#  3. compiles the C tests and the example with gcc -std=c11 -Wall -Wextra
#     -Werror against the header only, linked with -lreglament both
#     statically (with the native-static-libs flags, via pkg-config --static)
#     and dynamically;
#  4. runs them plainly (static and shared), under valgrind (memcheck,
#     definite and indirect leaks are errors), and built with
#     -fsanitize=address,undefined against the shared library;
#  5. runs the Python ctypes binding's unittest against the shared library.
#
# Installs valgrind with apt-get when it is missing. Usage:
#   bash bindings/c/run-tests.sh [--release]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

step() { printf '\n--- c-api: %s ---\n' "$*"; }

step "build libreglament"
prefix="$(bash "$here/build.sh" "$@" | tail -1)"
libdir="$prefix/lib"
export PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
echo "staged in $prefix"

step "header is fresh"
bash "$here/check-header.sh" "$prefix"

step "README lists every function of the header"
python3 "$here/api-list.py"

step "artifacts: only reglament_* global, stripped, debug info split off, no clash"
profile_dir=debug
for a in "$@"; do [ "$a" = --release ] && profile_dir=release; done
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
bash "$here/check-artifacts.sh" "$prefix" --raw "$target_dir/$profile_dir/libreglament_ffi.a"

if ! command -v valgrind >/dev/null 2>&1; then
  step "install valgrind"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq valgrind >/dev/null
fi
command -v pkg-config >/dev/null 2>&1 || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq pkg-config >/dev/null
}

step "compile (gcc -std=c11 -Wall -Wextra -Werror)"
out="$prefix/bin"
rm -rf "$out"
mkdir -p "$out"
cflags=(-std=c11 -Wall -Wextra -Werror -g -O1)
read -r -a pc_cflags <<<"$(pkg-config --cflags reglament)"
read -r -a pc_static <<<"$(pkg-config --static --libs reglament)"
read -r -a pc_shared <<<"$(pkg-config --libs reglament)"
# pkg-config --static gives "-L... -lreglament <native libs>"; -Bstatic makes
# the linker take libreglament.a although libreglament.so sits beside it.
static_libs=()
for f in "${pc_static[@]}"; do
  if [ "$f" = -lreglament ]; then static_libs+=(-Wl,-Bstatic -lreglament -Wl,-Bdynamic); else static_libs+=("$f"); fi
done
shopt -s nullglob
sources=("$here"/tests/test_*.c "$here"/examples/*.c)
shopt -u nullglob
programs=()
for src in "${sources[@]}"; do
  name="$(basename "$src" .c)"
  programs+=("$name")
  extra=()
  [[ "$name" == test_vectors || "$name" == test_typed || "$name" == test_reports ]] && extra+=("$here/tests/json.c")
  gcc "${cflags[@]}" "${pc_cflags[@]}" -I"$here/tests" "$src" "${extra[@]}" -o "$out/$name.static" \
    "${static_libs[@]}" -pthread
  gcc "${cflags[@]}" "${pc_cflags[@]}" -I"$here/tests" "$src" "${extra[@]}" -o "$out/$name.shared" \
    "${pc_shared[@]}" -Wl,-rpath,"$libdir" -pthread
  gcc "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
    "${pc_cflags[@]}" -I"$here/tests" "$src" "${extra[@]}" -o "$out/$name.asan" \
    "${pc_shared[@]}" -Wl,-rpath,"$libdir" -pthread
done
# the static programs must not need the shared library
if ldd "$out/${programs[0]}.static" | grep libreglament >/dev/null; then
  echo "the static build links libreglament.so" >&2
  exit 1
fi
echo "compiled ${#programs[@]} programs x 3 builds"

step "the header alone: C89/C99/C11/C2x -pedantic -Wundef -Wc++-compat, C++, switch checks"
hflags=(-pedantic -Wall -Wextra -Wundef -Wc++-compat -Wswitch-enum -Wstrict-prototypes -Werror "${pc_cflags[@]}")
for std in c89 c99 c11 c2x; do
  gcc -std="$std" "${hflags[@]}" "$here/tests/test_header.c" -o "$out/test_header.$std" "${pc_shared[@]}" \
    -Wl,-rpath,"$libdir"
done
g++ -x c++ -std=c++11 -pedantic -Wall -Wextra -Wundef -Werror "${pc_cflags[@]}" "$here/tests/test_header.c" \
  -o "$out/test_header.cxx" "${pc_shared[@]}" -Wl,-rpath,"$libdir"
# a switch over reglament_status that misses a case must not compile
if gcc -std=c89 -Werror=switch "${pc_cflags[@]}" -DREGLAMENT_TEST_MISSING_CASE -c "$here/tests/test_header.c" \
  -o /dev/null 2>/dev/null; then
  echo "a switch missing a reglament_status case compiled: the status is not an enum type" >&2
  exit 1
fi
for std in c89 c99 c11 c2x cxx; do "$out/test_header.$std" >/dev/null; done
echo "header clean as C89, C99, C11, C2x and C++11"

vectors=()
if compgen -G "$root/tests/vectors/*.json" >/dev/null; then vectors=("$root"/tests/vectors/*.json); fi

passed=0
failed=0
# run LABEL CMD...: runs one program, counts it
run() {
  local label="$1"; shift
  local log="$out/$label.log"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok    %-40s %s\n' "$label" "$(grep -E '^[a-z_]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  else
    failed=$((failed + 1))
    printf 'FAIL  %s\n' "$label"
    tail -40 "$log"
  fi
}
args_for() {
  if [ "$1" = test_vectors ]; then printf '%s\n' "${vectors[@]}"; fi
  if [ "$1" = test_reports ]; then printf '%s\n' "$root"/tests/reports/[0-9]*.json; fi
}

step "run (static, shared)"
for p in "${programs[@]}"; do
  mapfile -t a < <(args_for "$p")
  run "$p.static" "$out/$p.static" "${a[@]}"
  run "$p.shared" "$out/$p.shared" "${a[@]}"
done

step "run under valgrind (memcheck)"
vg=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect)
for p in "${programs[@]}"; do
  mapfile -t a < <(args_for "$p")
  run "$p.valgrind" "${vg[@]}" "$out/$p.shared" "${a[@]}"
done

step "run with AddressSanitizer + UndefinedBehaviorSanitizer"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for p in "${programs[@]}"; do
  mapfile -t a < <(args_for "$p")
  run "$p.asan" "$out/$p.asan" "${a[@]}"
done
unset ASAN_OPTIONS UBSAN_OPTIONS

step "python ctypes binding"
if REGLAMENT_LIB="$libdir/libreglament.so" python3 -m unittest discover -s "$root/bindings/python" -p 'test_*.py' \
  >"$out/python.log" 2>&1; then
  passed=$((passed + 1))
  printf 'ok    %-40s %s\n' "python unittest" "$(grep -E '^Ran [0-9]+ tests?' "$out/python.log")"
else
  failed=$((failed + 1))
  echo "FAIL  python unittest"
  cat "$out/python.log"
fi

echo
echo "c-api: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
