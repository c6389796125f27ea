// esbuild, ESM output: esbuild does not copy the .wasm, so the build copies
// node_modules/reglament/dist/full/reglament_wasm_bg.wasm next to the
// bundle and the page passes its URL.
import { init } from 'reglament/init';
import { check, fail, show } from './check.js';

init(new URL('./reglament_wasm_bg.wasm', import.meta.url))
  .then((api) => show(check(api, 'esbuild esm: await init(url)')), (e) => fail('esbuild-esm', e));
