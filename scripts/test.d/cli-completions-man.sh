#!/usr/bin/env bash
# `reglament completions` and `reglament man` (issue 21): bash parses the
# bash completion (bash -n) and it completes; zsh and fish parse theirs when
# installed; every man page renders without a warning, through groff -ww and
# through man -l as a reader runs it. Installs groff / man-db only if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v groff >/dev/null || ! command -v man >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends groff-base man-db >/dev/null
fi

cargo build --release -p reglament-cli
bin="${CARGO_TARGET_DIR:-target}/release/reglament"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" completions bash > "$tmp/reglament.bash"
bash -n "$tmp/reglament.bash"
got=$(bash -c 'source "$1"; COMP_WORDS=(reglament repl); COMP_CWORD=1; _reglament reglament repl reglament; printf "%s\n" "${COMPREPLY[@]}"' _ "$tmp/reglament.bash")
[ "$got" = replay ] || { echo "bash completion of 'reglament repl': $got"; exit 1; }
for shell in zsh fish powershell elvish; do
  "$bin" completions "$shell" > "$tmp/completion.$shell"
  [ -s "$tmp/completion.$shell" ] || { echo "empty $shell completion"; exit 1; }
done
if command -v zsh >/dev/null; then zsh -n "$tmp/completion.zsh"; fi
if command -v fish >/dev/null; then fish --no-execute "$tmp/completion.fish"; fi
echo "completions: bash parses and completes; zsh, fish, powershell, elvish generated"

"$bin" man --dir "$tmp/man1"
pages=0
for page in "$tmp"/man1/*.1; do
  # -k: preconv, as man-db runs groff (the pages hold UTF-8, e.g. "Mon–Fri")
  warnings=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || { echo "groff: $page: $warnings"; exit 1; }
  rendered=$(MANWIDTH=80 man --warnings=w -l "$page" 2>"$tmp/man.err")
  [ ! -s "$tmp/man.err" ] || { echo "man -l: $page: $(cat "$tmp/man.err")"; exit 1; }
  grep -q "EXIT STATUS" <<<"$rendered" || { echo "$page: no EXIT STATUS section"; exit 1; }
  grep -q "EXAMPLES" <<<"$rendered" || { echo "$page: no EXAMPLES section"; exit 1; }
  pages=$((pages + 1))
done
[ "$pages" -ge 18 ] || { echo "only $pages man pages"; exit 1; }
# the page on standard output is the page --dir writes
cmp <("$bin" man replay) "$tmp/man1/reglament-replay.1"
echo "man: $pages pages render without warnings"
