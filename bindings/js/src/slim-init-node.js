// `reglament/slim/init` in Node (Europe/Kyiv and UTC only): `await init()` reads the module
// next to the glue; a path or file: URL is read, an http(s) URL fetched,
// bytes or a WebAssembly.Module taken as they are.
import { readFile } from 'node:fs/promises';
import * as raw from '../dist/slim/reglament_wasm.js';
import { makeInit } from './api.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export const init = makeInit(raw, 'slim', () => new URL('../dist/slim/reglament_wasm_bg.wasm', import.meta.url), (url) => readFile(url));
export default init;
