#!/usr/bin/env node
// Builds the WebAssembly module and its JavaScript glue, reproducibly:
//
//   1. cargo build -p reglament-wasm --target wasm32-unknown-unknown
//      --profile wasm-release --locked   (paths remapped, so the bytes do not
//      depend on where the repository or the cargo home live);
//   2. wasm-bindgen --target web, with the CLI whose version equals the
//      `wasm-bindgen` crate in Cargo.lock (refuses to run otherwise);
//   3. prints the .wasm size, raw and gzip -9;
//   4. copies the repository's schemas/*.json into schemas/ (published).
//
// Variants: `full` (every IANA time zone) -> dist/full/, `slim`
// (Europe/Kyiv and UTC only) -> dist/slim/, `calendar` (Calendar and
// holidays only, every zone) -> dist/calendar/, and `test` (full with the
// deliberate panic of test/panic.test.js) -> dist/test/, not published.
//   node build.mjs                 every variant
//   node build.mjs full            one variant
//   node build.mjs --schemas-only  only step 4 (npm pack runs it: prepack)
//   node build.mjs --cargo-only    only step 1 (run-tests.sh overlaps it with
//                                  installing the wasm-bindgen CLI)
// Environment: WASM_BINDGEN (path of the CLI, default `wasm-bindgen`), CARGO.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import { gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cargo = process.env.CARGO || 'cargo';
const bindgen = process.env.WASM_BINDGEN || 'wasm-bindgen';

/** The time zones the slim variant keeps (chrono-tz always keeps UTC too). */
export const SLIM_FILTER = '^(Europe/Kyiv|Europe/Kiev|UTC|Etc/UTC)$';

const VARIANTS = {
  full: { features: [], env: {} },
  slim: { features: ['slim'], env: { CHRONO_TZ_TIMEZONE_FILTER: SLIM_FILTER } },
  // the calendar alone (every zone): `reglament/calendar`
  calendar: { features: ['calendar'], env: {} },
  // the full build with `__panicForTest` (cargo feature panic-test): for
  // test/panic.test.js only, never packed (package.json "files")
  test: { features: ['panic-test'], env: {} },
};

function run(cmd, args, opts = {}) {
  console.error(`+ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
}

export function lockedBindgenVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const m = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!m) throw new Error('Cargo.lock has no wasm-bindgen package');
  return m[1];
}

function checkBindgen(want) {
  let out;
  try {
    out = execFileSync(bindgen, ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error(`${bindgen} not found: install it with\n  cargo install wasm-bindgen-cli --version ${want}\n(or run bindings/js/run-tests.sh, which does)`);
  }
  const have = out.trim().split(/\s+/)[1];
  if (have !== want) {
    throw new Error(`${bindgen} is version ${have}, Cargo.lock pins wasm-bindgen ${want}: run\n  cargo install wasm-bindgen-cli --version ${want}`);
  }
}

function build(name, cargoOnly = false) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown variant ${name}: expected ${Object.keys(VARIANTS).join(', ')}`);
  const cargoHome = process.env.CARGO_HOME || join(homedir(), '.cargo');
  const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');
  const rustflags = [
    `--remap-path-prefix=${cargoHome}=/cargo`,
    `--remap-path-prefix=${targetDir}=/target`,
    `--remap-path-prefix=${root}=/reglament`,
  ].join(' ');
  const args = ['build', '-p', 'reglament-wasm', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm-release', '--locked'];
  if (v.features.length) args.push('--features', v.features.join(','));
  run(cargo, args, { env: { ...process.env, ...v.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: rustflags } });

  if (cargoOnly) return null;

  const wasm = join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', 'reglament_wasm.wasm');
  const out = join(here, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run(bindgen, ['--target', 'web', '--remove-name-section', '--remove-producers-section', '--out-dir', out, '--out-name', 'reglament_wasm', wasm]);

  const bytes = readFileSync(join(out, 'reglament_wasm_bg.wasm'));
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  const sizes = { variant: name, wasm_bytes: bytes.length, wasm_gzip9_bytes: gz, js_glue_bytes: statSync(join(out, 'reglament_wasm.js')).size };
  writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
  console.error(`${name}: reglament_wasm_bg.wasm ${bytes.length} bytes, gzip -9 ${gz} bytes`);
  return sizes;
}

/**
 * Copies every JSON Schema of the repository (schemas/*.json) into the
 * package's schemas/ (published: `reglament/schemas/<name>.schema.json`).
 */
export function copySchemas() {
  const from = join(root, 'schemas');
  const to = join(here, 'schemas');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).filter((f) => f.endsWith('.json')).sort();
  for (const n of names) copyFileSync(join(from, n), join(to, n));
  console.error(`schemas: ${names.join(', ')}`);
  return names;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = process.argv.slice(2);
    const cargoOnly = args.includes('--cargo-only');
    if (args.includes('--schemas-only')) {
      copySchemas();
      process.exit(0);
    }
    const names = args.filter((a) => !a.startsWith('--'));
    if (!cargoOnly) checkBindgen(lockedBindgenVersion());
    if (!cargoOnly) copySchemas();
    for (const n of names.length ? names : Object.keys(VARIANTS)) build(n, cargoOnly);
  } catch (e) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
}
