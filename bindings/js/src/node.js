// `reglament` in Node (every IANA time zone): the module is read and compiled
// synchronously at import (no top-level await, so `require()` works where
// Node supports require(esm): 20.19+, 22.12+). The same API as `init()` gives.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/full/reglament_wasm.js';
import { loadSync } from './api.js';

const api = loadSync(raw, readFileSync(new URL('../dist/full/reglament_wasm_bg.wasm', import.meta.url)));

export const {
  Calendar, Regulation, Ticket, ClockPlan, holidays, mustRegister, queue, compliance, whatIf, chain, chainHead, verify, merkleRoot, report, version, timezones, labels, variant, zones,
} = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
