// Node entry (every IANA time zone): loads the WebAssembly module synchronously at import time.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/full/reglament_wasm.js';
import { bind } from './lib.js';

const instance = raw.initSync({ module: readFileSync(new URL('../dist/full/reglament_wasm_bg.wasm', import.meta.url)) });
const api = bind(raw, instance.memory);

export const {
  Calendar, Regulation, Ticket, ClockPlan, holidays, mustRegister, queue, compliance, whatIf, chain, chainHead, verify, merkleRoot, version, timezones, labels, zones, __panicForTest,
} = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
export const { report } = api;
