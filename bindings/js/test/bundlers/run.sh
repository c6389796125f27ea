#!/usr/bin/env bash
# The bundler matrix of the npm package: packs bindings/js (npm pack, the
# tarball a user installs), installs it into this sample app, builds the app
# with Vite, esbuild (ESM and IIFE) and webpack 5, loads each page in
# headless Chromium, runs it from Node ESM and require(), checks the
# tarball's contents (schemas), and type-checks a consumer with TypeScript 5
# (node16, bundler, node10 resolution) and 7 (node16, bundler: TypeScript 7
# has no node10 any more), skipLibCheck false, no DOM or disposable lib.
#
# Needs bindings/js built (npm run build) and its dev dependencies
# (playwright-core, typescript 7). The sample's own dependencies come from
# its committed package-lock.json with `npm ci`, skipped when node_modules
# already matches the lockfile.
set -euo pipefail
cd "$(dirname "$0")"
step() { printf '\n--- bundlers: %s ---\n' "$*"; }

step "npm ci (sample app: vite, esbuild, webpack, typescript 5)"
stamp=node_modules/.reglament-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/vite ]; then
  echo "node_modules matches package-lock.json: skipped"
else
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

step "npm pack bindings/js and install the tarball"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd ../.. && npm pack --silent --pack-destination "$tmp" >/dev/null)
tarball=$(ls "$tmp"/reglament-*.tgz)
rm -rf node_modules/reglament
mkdir -p node_modules/reglament
tar -xzf "$tarball" -C node_modules/reglament --strip-components=1
ls -l "$tarball" | awk '{print $5, "bytes packed"}'

step "build with vite, esbuild (esm, iife), webpack"
node build.mjs

step "types: tsc --noEmit with skipLibCheck false"
for m in node16 bundler node10; do
  echo "typescript $(node_modules/.bin/tsc --version | awk '{print $2}'), moduleResolution $m"
  node_modules/.bin/tsc -p "types/tsconfig.$m.json"
done
for m in node16 bundler; do
  echo "typescript $(../../node_modules/.bin/tsc --version | awk '{print $2}'), moduleResolution $m"
  ../../node_modules/.bin/tsc -p "types/tsconfig.$m.json"
done

step "Chromium: each page; Node ESM and require(); the tarball's contents"
REGLAMENT_TARBALL="$tarball" node --test --test-concurrency=1 test.mjs
