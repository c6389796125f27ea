#!/usr/bin/env bash
# Checks the libraries build.sh staged in PREFIX as release artifacts:
#
#  1. libreglament.a and libreglament.so define, as global (or weak)
#     symbols, exactly the functions the header declares: all reglament_*
#     (api-list.py --lib, with readelf);
#  2. neither carries debug info, each names its split-off debug file
#     (.gnu_debuglink), and that file in PREFIX/lib/.debug/ has it;
#  3. a C program links statically with TWO copies of libreglament.a (the
#     second with its reglament_* renamed twin_*) and runs both: Rust's own
#     symbols do not clash. With --raw CARGO_ARCHIVE, the same link with
#     cargo's unprocessed archive must fail, which shows the check can fail;
#  4. prints the sizes.
#
# Usage: bash bindings/c/check-artifacts.sh PREFIX [--raw CARGO_ARCHIVE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$1"; shift
raw=
if [ "${1:-}" = --raw ]; then raw="$2"; fi
lib="$prefix/lib"
version="$(sed -n 's/^#define REGLAMENT_VERSION "\(.*\)"$/\1/p' "$prefix/include/reglament.h")"
a="$lib/libreglament.a"
so="$lib/libreglament.so.$version"
fail() { echo "check-artifacts: $*" >&2; exit 1; }

# 1. the exported symbols
python3 "$here/api-list.py" --lib "$a" >/dev/null
python3 "$here/api-list.py" --lib "$so" >/dev/null
echo "symbols: the .a and the .so define exactly the header's functions as globals"

# 2. stripped, debug info split off
for f in "$a" "$so"; do
  if readelf -W -S "$f" | grep ' \.debug_' >/dev/null; then fail "$f carries debug sections"; fi
  readelf -W -S "$f" | grep ' \.gnu_debuglink' >/dev/null || fail "$f has no .gnu_debuglink"
done
for d in "$lib/.debug/reglament.o.debug" "$lib/.debug/libreglament.so.$version.debug"; do
  [ -f "$d" ] || fail "$d is missing"
  readelf -W -S "$d" | grep ' \.debug_info' >/dev/null || fail "$d has no .debug_info"
done
echo "stripped: debug info split off into lib/.debug/"

# 3. two Rust static libraries in one program
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$a" "$work/rename" <<'PY'
import subprocess, sys
out = subprocess.run(["readelf", "-W", "--syms", sys.argv[1]], check=True, capture_output=True, text=True).stdout
names = sorted({p[7] for p in (l.split() for l in out.splitlines())
                if len(p) >= 8 and p[4] in ("GLOBAL", "WEAK") and p[6] != "UND" and p[7].startswith("reglament_")})
open(sys.argv[2], "w").write("".join(f"{n} twin_{n[len('reglament_'):]}\n" for n in names))
PY
cat >"$work/twin.c" <<'C'
#include <stdio.h>
#include <string.h>
#include "reglament.h"
/* the renamed copy */
const char *twin_version(void);
reglament_status twin_calendar_default_kyiv(reglament_calendar **out, reglament_error **err);
reglament_status twin_calendar_add(const reglament_calendar *c, int64_t t, int64_t s, int64_t *out,
                                   reglament_error **err);
void twin_calendar_free(reglament_calendar *c);
int main(void) {
    reglament_calendar *a = NULL, *b = NULL;
    int64_t ua = 0, ub = 0;
    if (reglament_calendar_default_kyiv(&a, NULL) != REGLAMENT_STATUS_OK) return 1;
    if (twin_calendar_default_kyiv(&b, NULL) != REGLAMENT_STATUS_OK) return 1;
    if (reglament_calendar_add(a, 1774623600, 7200, &ua, NULL) != REGLAMENT_STATUS_OK) return 1;
    if (twin_calendar_add(b, 1774623600, 7200, &ub, NULL) != REGLAMENT_STATUS_OK) return 1;
    reglament_calendar_free(a);
    twin_calendar_free(b);
    printf("%s %s %lld %lld\n", reglament_version(), twin_version(), (long long)ua, (long long)ub);
    return strcmp(reglament_version(), twin_version()) != 0 || ua != 1774854000 || ua != ub;
}
C
native="$(sed -n 's/^Libs.private: //p' "$lib/pkgconfig/reglament.pc")"
twin_link() { # twin_link ARCHIVE OUTPUT
  mkdir -p "$work/one" "$work/two"
  cp "$1" "$work/one/libreglament.a"
  objcopy --redefine-syms="$work/rename" "$1" "$work/two/libtwin.a"
  # shellcheck disable=SC2086
  gcc -std=c11 -I"$prefix/include" "$work/twin.c" -o "$2" -L"$work/one" -L"$work/two" \
    -Wl,-Bstatic -lreglament -ltwin -Wl,-Bdynamic $native
}
twin_link "$a" "$work/twin" 2>"$work/twin.log" || { cat "$work/twin.log" >&2; fail "two copies of libreglament.a clash"; }
"$work/twin" >/dev/null || fail "the program with two copies of libreglament.a failed"
echo "no clash: one program links and runs two copies of libreglament.a"
if [ -n "$raw" ]; then
  if twin_link "$raw" "$work/twin-raw" 2>/dev/null; then
    fail "two copies of cargo's unprocessed archive linked: the clash check proves nothing"
  fi
  echo "(control: two copies of cargo's unprocessed archive do clash)"
fi

# 4. sizes
for f in "$a" "$so" "$lib/.debug/"*.debug; do
  printf '%12s bytes  %s\n' "$(stat -c %s "$f")" "${f#"$prefix"/}"
done
