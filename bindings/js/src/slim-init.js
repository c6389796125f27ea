// `reglament/slim/init` for browsers and bundlers (Europe/Kyiv and UTC only): no top-level
// await; `await init()` fetches the module next to the glue (a URL that
// Vite and webpack rewrite; with esbuild copy the .wasm and pass its URL),
// `await init(url | Response | bytes | WebAssembly.Module)` takes it from you.
import * as raw from '../dist/slim/reglament_wasm.js';
import { makeInit } from './api.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export const init = makeInit(raw, 'slim', () => new URL('../dist/slim/reglament_wasm_bg.wasm', import.meta.url), null);
export default init;
