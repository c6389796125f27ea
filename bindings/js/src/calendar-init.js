// `reglament/calendar/init` for browsers and bundlers (the calendar alone: Calendar, holidays, every IANA zone): no
// top-level await; `await init()` fetches the module next to the glue,
// `await init(url | Response | bytes | WebAssembly.Module)` takes it from you.
import * as raw from '../dist/calendar/reglament_wasm.js';
import { makeInit } from './api.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export const init = makeInit(raw, 'calendar', () => new URL('../dist/calendar/reglament_wasm_bg.wasm', import.meta.url), null);
export default init;
