// `reglament/init` in Node (every IANA time zone): `await init()` reads the module
// next to the glue; a path or file: URL is read, an http(s) URL fetched,
// bytes or a WebAssembly.Module taken as they are.
import { readFile } from 'node:fs/promises';
import * as raw from '../dist/full/reglament_wasm.js';
import { makeInit } from './api.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export const init = makeInit(raw, 'full', () => new URL('../dist/full/reglament_wasm_bg.wasm', import.meta.url), (url) => readFile(url));
export default init;
