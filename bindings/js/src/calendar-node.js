// `reglament/calendar` in Node (the calendar alone: Calendar, holidays, every IANA zone): loaded synchronously at import.
import { readFileSync } from 'node:fs';
import * as raw from '../dist/calendar/reglament_wasm.js';
import { loadSync } from './api.js';

const api = loadSync(raw, readFileSync(new URL('../dist/calendar/reglament_wasm_bg.wasm', import.meta.url)));

export const { Calendar, holidays, version, timezones, variant, zones } = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
