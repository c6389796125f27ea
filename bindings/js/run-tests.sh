#!/usr/bin/env bash
# The WASM/npm package from a fresh machine: installs what is missing
# (idempotently), builds, type-checks and tests.
#
#   bash bindings/js/run-tests.sh             Node tests + headless Chromium
#   REGLAMENT_BROWSER=0 bash bindings/js/run-tests.sh   skip the browser part
#
# Installs only when missing: the wasm32-unknown-unknown target, the
# wasm-bindgen CLI of exactly the version Cargo.lock pins (cargo install
# *without* --locked: with it the install fails on a yanked dependency), the
# npm dev dependencies (npm ci, from package-lock.json), and for the browser
# part Debian's chromium (apt-get).
set -euo pipefail
cd "$(dirname "$0")"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n--- js: %s ---\n' "$*"; }

step "toolchain"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
want=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' ../../Cargo.lock)
[ -n "$want" ] || { echo "Cargo.lock pins no wasm-bindgen"; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
installer=
if [ "$have" != "$want" ]; then
  echo "wasm-bindgen ${have:-absent}, Cargo.lock wants $want: installing (about 4 minutes on 2 cores),"
  echo "while the WebAssembly module compiles"
  cargo install wasm-bindgen-cli --version "$want" --force > "${TMPDIR:-/tmp}/reglament-wasm-bindgen-install.log" 2>&1 &
  installer=$!
  node build.mjs --cargo-only
  wait "$installer" || { cat "${TMPDIR:-/tmp}/reglament-wasm-bindgen-install.log"; exit 1; }
fi
wasm-bindgen --version
node --version

step "npm ci"
npm ci --no-audit --no-fund

step "npm run build (cargo build --target wasm32-unknown-unknown + wasm-bindgen)"
npm run build

step "tsc --noEmit over index.d.ts and test/typed-example.ts (the consumer matrix: test/bundlers/run.sh)"
npm run typecheck

step "node --test (every conformance vector, calendar, errors, tickets, panics)"
npm test

if [ "${REGLAMENT_BROWSER:-1}" != 0 ]; then
  step "headless Chromium: the vectors in a page served on 127.0.0.1, and the demo board"
  if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
  npm run test:browser

  step "bundler matrix: the packed package with Vite, esbuild, webpack, Node ESM/require(), TypeScript 5 and 7"
  bash test/bundlers/run.sh
fi

step "all passed"
