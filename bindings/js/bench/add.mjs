// Calendar `add` in Node through WebAssembly against native Rust, in one run.
//
//   npm run bench            (builds the native baseline with cargo --release)
//
// Both sides make the same calls with the same inputs: 1000 pseudo-random
// instants in 2026 (RFC 3339 strings) and budgets of 1 s to 100 working
// hours, on the default Kyiv calendar; each side reports its fastest of 7 rounds. "api" = string in, add, string out
// (what the JavaScript API does); "core" = the native add alone.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { Calendar } from 'reglament';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const iters = Number(process.argv[2] ?? 50_000);
const ROUNDS = 7; // the fastest round counts: the least disturbed by other load

function inputs(n) {
  let x = 12345;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
  const start = 1_767_225_600;
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = start + (next() % (365 * 86_400));
    const d = (next() % (100 * 3600)) + 1;
    out.push([new Date(t * 1000).toISOString().replace('.000Z', 'Z'), d]);
  }
  return out;
}

const cal = Calendar.defaultKyiv();
const data = inputs(1000);
let sink = 0;
for (let r = 0; r < 20; r++) for (const [t, d] of data) sink += cal.add(t, d).length; // warm-up (JIT, caches)

function fastest(inputs, method = 'add') {
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) {
      const [t, d] = inputs[i % inputs.length];
      sink += method === 'add' ? cal.add(t, d).length : method === 'addDate' ? cal.addDate(t, d).getTime() & 1 : cal.addEpochMs(t, d) & 1;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / iters);
  }
  return best;
}
execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'reglament-wasm', '--example', 'bench_add'], { cwd: root, stdio: 'inherit' });
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : resolve(root, 'target');
const nativeRun = () => JSON.parse(execFileSync(resolve(targetDir, 'release', 'examples', 'bench_add'), [String(iters)], { encoding: 'utf8' }).trim());

// Alternate the two sides a few times and keep each side's fastest, so that
// a change of machine load between them does not decide the ratio.
const dates = data.map(([t, d]) => [new Date(t), d]);
let wasmNs = Infinity;
let wasmDateNs = Infinity;
let wasmDateDateNs = Infinity;
let wasmMsNs = Infinity;
const millis = data.map(([t, d]) => [Date.parse(t), d]);
const native = { native_api_ns: Infinity, native_core_ns: Infinity };
for (let k = 0; k < 4; k++) {
  const n = nativeRun();
  native.native_api_ns = Math.min(native.native_api_ns, n.native_api_ns);
  native.native_core_ns = Math.min(native.native_core_ns, n.native_core_ns);
  wasmNs = Math.min(wasmNs, fastest(data));
  wasmDateNs = Math.min(wasmDateNs, fastest(dates));
  wasmDateDateNs = Math.min(wasmDateDateNs, fastest(dates, 'addDate'));
  wasmMsNs = Math.min(wasmMsNs, fastest(millis, 'addEpochMs'));
}

const ratio = wasmNs / native.native_api_ns;
const report = {
  iterations: iters,
  node: process.version,
  node_wasm_add_string_ns: +wasmNs.toFixed(1),
  node_wasm_add_date_ns: +wasmDateNs.toFixed(1),
  node_wasm_addDate_date_to_date_ns: +wasmDateDateNs.toFixed(1),
  node_wasm_addEpochMs_number_to_number_ns: +wasmMsNs.toFixed(1),
  native_add_string_ns: native.native_api_ns,
  native_add_core_ns: native.native_core_ns,
  ratio_node_vs_native_same_work: +ratio.toFixed(2),
  ratio_addEpochMs_vs_native_core: +(wasmMsNs / native.native_core_ns).toFixed(2),
  target_ratio: 3,
};
console.log(JSON.stringify(report, null, 2));
if (sink === -1) console.log(sink);
