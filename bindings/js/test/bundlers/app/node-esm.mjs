// Node, ESM: the default entry (loaded at import) and the init entry.
import * as api from 'reglament';
import { init } from 'reglament/init';
import { check } from './check.js';

const viaInit = await init();
if (viaInit.Calendar !== api.Calendar) throw new Error('init() and the entry disagree');
console.log(JSON.stringify(check(api, 'node esm')));
