// esbuild, IIFE output (a classic <script>): no import.meta.url, so init()
// without an argument cannot know where the .wasm is and says so
// (wasm_load_failed, naming the fix); with the copied file's URL it loads.
import { init } from 'reglament/init';
import { check, fail, show } from './check.js';

async function main() {
  let hint = null;
  try {
    await init();
  } catch (e) {
    hint = { code: e.code, namesFix: /pass its URL/.test(e.message) };
  }
  const api = await init('reglament_wasm_bg.wasm'); // relative to the page
  show({ ...check(api, 'esbuild iife: await init("reglament_wasm_bg.wasm")'), hint });
}
main().catch((e) => fail('esbuild-iife', e));
