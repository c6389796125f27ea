#!/usr/bin/env bash
# Builds the C library and stages it as a prefix an ERP build can use:
#
#   PREFIX/include/reglament.h              the committed header
#   PREFIX/lib/libreglament.a               static library
#   PREFIX/lib/libreglament.so.0.1.0        shared library (soname libreglament.so.0)
#   PREFIX/lib/libreglament.so.0, .so       symlinks
#   PREFIX/lib/pkgconfig/reglament.pc       from reglament.pc.in
#   PREFIX/share/reglament/reglament.generated.h   the header cbindgen just generated
#
#   PREFIX/lib/.debug/*.debug               their debug info, split off
#
# Cargo names the outputs libreglament_ffi.{a,so} (the crate `reglament` in
# this workspace already owns the library name `reglament`); this script
# gives them their public names, and by default makes them release
# artifacts:
#
#  * libreglament.a is ONE relocatable object (`ld -r` of every member of
#    cargo's archive) whose only global symbols are the reglament_*
#    functions: every other symbol (Rust's std, serde, chrono, the
#    allocator shims, rust_eh_personality...) is made local with
#    `objcopy --keep-global-symbols`, so a host that links two Rust static
#    libraries gets no clash. The LLVM bitcode sections (.llvmbc,
#    .llvmcmd) that Rust's std objects embed are removed: they serve no
#    link, and binutils' LLVMgold plugin aborts on them.
#  * both libraries are stripped (`--strip-unneeded`); their debug info is
#    split off into PREFIX/lib/.debug/ (`--only-keep-debug`) and linked
#    back with `--add-gnu-debuglink`, where gdb and valgrind find it.
#
# check-artifacts.sh checks all of this (readelf, and a program linked
# with two renamed copies of the static library).
#
# Usage: bash bindings/c/build.sh [--release] [--prefix DIR] [--no-strip]
#   --no-strip: stage cargo's libraries as they are (symbols and debug info
#   in place; the static library then exports Rust's symbols too).
#   default prefix: target/c/debug (target/c/release with --release).
# Prints the prefix on its last line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
profile=debug
prefix=
strip=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --release) profile=release ;;
    --prefix) prefix="$2"; shift ;;
    --no-strip) strip=no ;;
    *) echo "usage: $0 [--release] [--prefix DIR] [--no-strip]" >&2; exit 2 ;;
  esac
  shift
done
cd "$root"
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
prefix="${prefix:-$target_dir/c/$profile}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

cargo_flags=(-p reglament-ffi --lib --features header --message-format=json-render-diagnostics)
[ "$profile" = release ] && cargo_flags+=(--release)
json="$(mktemp)"; diag="$(mktemp)"
trap 'rm -f "$json" "$diag"' EXIT
# `--print native-static-libs` makes rustc name the system libraries a static
# link needs; cargo replays the note when the crate is already fresh.
if ! cargo rustc "${cargo_flags[@]}" -- --print native-static-libs >"$json" 2>"$diag"; then
  cat "$diag" >&2
  exit 1
fi
grep -v -i -e 'native-static-libs' -e '^note: link against' -e '^$' "$diag" >&2 || true
native="$(sed -n 's/^note: native-static-libs: //p' "$diag" | tail -1)"
[ -n "$native" ] || { echo "build.sh: rustc printed no native-static-libs" >&2; exit 1; }

read -r out_dir staticlib cdylib < <(python3 - "$json" <<'PY'
import json, sys
out_dir = staticlib = cdylib = None
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    m = json.loads(line)
    pid = m.get("package_id", "")
    if "reglament-ffi" not in pid and "/ffi#" not in pid:
        continue
    if m.get("reason") == "build-script-executed":
        out_dir = m["out_dir"]
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "reglament_ffi":
        for f in m["filenames"]:
            if f.endswith(".a"):
                staticlib = f
            elif f.endswith(".so"):
                cdylib = f
print(out_dir, staticlib, cdylib)
PY
)
for f in "$out_dir/reglament.h" "$staticlib" "$cdylib"; do
  [ -f "$f" ] || { echo "build.sh: missing build output $f" >&2; exit 1; }
done

version="$(sed -n 's/^#define REGLAMENT_VERSION "\(.*\)"$/\1/p' "$out_dir/reglament.h")"
major="${version%%.*}"
install -d "$prefix/include" "$prefix/lib/pkgconfig" "$prefix/share/reglament"
install -m 644 "$here/reglament.h" "$prefix/include/reglament.h"
install -m 644 "$out_dir/reglament.h" "$prefix/share/reglament/reglament.generated.h"
rm -rf "$prefix/lib/.debug" "$prefix/lib/libreglament.a" "$prefix/lib/libreglament.so."*
if [ "$strip" = yes ]; then
  work="$(mktemp -d)"
  trap 'rm -f "$json" "$diag"; rm -rf "$work"' EXIT
  install -d "$prefix/lib/.debug"
  # the static library: one object, only reglament_* global
  ld -r --whole-archive "$staticlib" -o "$work/reglament.o"
  readelf -W -s "$work/reglament.o" |
    awk '($5 == "GLOBAL" || $5 == "WEAK") && $7 != "UND" && $8 ~ /^reglament_/ { print $8 }' |
    sort -u >"$work/keep"
  [ -s "$work/keep" ] || { echo "build.sh: no reglament_* symbol in $staticlib" >&2; exit 1; }
  objcopy --keep-global-symbols="$work/keep" --remove-section=.llvmbc --remove-section=.llvmcmd \
    "$work/reglament.o"
  objcopy --only-keep-debug "$work/reglament.o" "$prefix/lib/.debug/reglament.o.debug"
  # .debug_gdb_scripts (Rust's pretty-printer hook) is allocated, so
  # --strip-unneeded keeps it: it goes too
  objcopy --strip-unneeded --remove-section=.debug_gdb_scripts \
    --add-gnu-debuglink="$prefix/lib/.debug/reglament.o.debug" "$work/reglament.o"
  ar crs "$work/libreglament.a" "$work/reglament.o"
  install -m 644 "$work/libreglament.a" "$prefix/lib/libreglament.a"
  # the shared library: it exports only reglament_* already (a cdylib)
  so="$prefix/lib/libreglament.so.$version"
  install -m 755 "$cdylib" "$so"
  objcopy --only-keep-debug "$so" "$prefix/lib/.debug/libreglament.so.$version.debug"
  objcopy --strip-unneeded --add-gnu-debuglink="$prefix/lib/.debug/libreglament.so.$version.debug" "$so"
  chmod 644 "$prefix/lib/.debug/"*.debug
else
  install -m 644 "$staticlib" "$prefix/lib/libreglament.a"
  install -m 755 "$cdylib" "$prefix/lib/libreglament.so.$version"
fi
ln -sf "libreglament.so.$version" "$prefix/lib/libreglament.so.$major"
ln -sf "libreglament.so.$major" "$prefix/lib/libreglament.so"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" -e "s|@NATIVE_STATIC_LIBS@|$native|" \
  "$here/reglament.pc.in" | grep -v '^#' >"$prefix/lib/pkgconfig/reglament.pc"
echo "$prefix"
