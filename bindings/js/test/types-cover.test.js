// index.d.ts is written by hand over what wasm/ exports: this test fails
// when the module exports a class member or a function that the types do
// not declare (or the types declare one the module lacks), so the typed API
// cannot go stale when the Rust side changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as raw from '../dist/full/reglament_wasm.js';
import * as api from 'reglament';

const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');

/** The text of `export class Name ... {` up to its closing `}` at the start of a line. */
function classBlock(name) {
  const start = dts.indexOf(`export class ${name} `);
  assert.ok(start >= 0, `index.d.ts declares no class ${name}`);
  return dts.slice(start, dts.indexOf('\n}', start));
}

const declares = (block, member) => new RegExp(`(^|\\n)\\s*(static |readonly )*${member}[(<: ?]`).test(block);
const INTERNAL = new Set(['constructor', '__destroy_into_raw', '__wrap', '__unwrap']);

test('every member of every class the module exports is declared in index.d.ts, and only those', () => {
  for (const name of ['Calendar', 'Regulation', 'Ticket', 'ClockPlan']) {
    const cls = raw[name];
    const block = classBlock(name);
    const members = [
      ...Reflect.ownKeys(cls.prototype).filter((k) => typeof k === 'string'),
      ...Reflect.ownKeys(cls).filter((k) => typeof k === 'string' && typeof cls[k] === 'function'),
    ].filter((k) => !INTERNAL.has(k) && !k.startsWith('__'));
    for (const m of members) assert.ok(declares(block, m), `${name}.${m} is exported by the module but not declared in index.d.ts`);
    // and the other way round: each declared method exists
    for (const [, m] of block.matchAll(/\n {2}(?:static |readonly )*([a-zA-Z]\w*)[(<]/g)) {
      if (m === 'constructor') continue;
      assert.ok(members.includes(m), `index.d.ts declares ${name}.${m}, which the module does not export`);
    }
  }
});

test('every function of the package is declared in index.d.ts', () => {
  for (const [name, value] of Object.entries(api)) {
    if (typeof value === 'function' && !/^[A-Z]/.test(name)) {
      assert.match(dts, new RegExp(`export function ${name}\\(`), `${name} is not declared`);
    } else if (typeof value !== 'function') {
      assert.match(dts, new RegExp(`export const ${name}\\b`), `${name} is not declared`);
    }
  }
});
