// Browser and bundler entry (every IANA time zone): fetches the WebAssembly module next to the glue
// (a URL relative to this file, which bundlers rewrite) with top-level await.
import * as raw from '../dist/full/reglament_wasm.js';
import { bind } from './lib.js';

const instance = await raw.default({ module_or_path: new URL('../dist/full/reglament_wasm_bg.wasm', import.meta.url) });
const api = bind(raw, instance.memory);

export const {
  Calendar, Regulation, Ticket, ClockPlan, holidays, mustRegister, queue, compliance, whatIf, chain, chainHead, verify, merkleRoot, version, timezones, labels, zones, __panicForTest,
} = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
export const { report } = api;
