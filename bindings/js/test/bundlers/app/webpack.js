// webpack 5: `reglament/init`; webpack turns `new URL("….wasm",
// import.meta.url)` inside the package into an emitted asset, so `init()`
// needs no argument.
import { init } from 'reglament/init';
import { check, fail, show } from './check.js';

init().then((api) => show(check(api, 'webpack: await init()')), (e) => fail('webpack', e));
