// Vite: the package's default entry as is (Vite copies the .wasm as a
// hashed asset and rewrites its URL); the top-level await of the entry is
// fine for Vite's default targets.
import * as api from 'reglament';
import { check, fail, show } from '../check.js';

try {
  show(check(api, 'vite: import * from "reglament"'));
} catch (e) {
  fail('vite', e);
}
