// `reglament/calendar/init` in Node (the calendar alone: Calendar, holidays, every IANA zone).
import { readFile } from 'node:fs/promises';
import * as raw from '../dist/calendar/reglament_wasm.js';
import { makeInit } from './api.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export const init = makeInit(raw, 'calendar', () => new URL('../dist/calendar/reglament_wasm_bg.wasm', import.meta.url), (url) => readFile(url));
export default init;
