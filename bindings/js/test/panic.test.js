// A panic inside the core never reaches JavaScript as an opaque
// `RuntimeError: unreachable`: it becomes a ReglamentError with code
// "panic", and the instance refuses further calls. (Its own file: node --test
// runs each file in its own process, so the other tests keep a clean instance.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as raw from '../dist/test/reglament_wasm.js';
import { loadSync } from '../src/api.js';
import { ReglamentError } from 'reglament';

// the test build (cargo feature panic-test): the only one with __panicForTest
const { Calendar, __panicForTest } = loadSync(raw, readFileSync(new URL('../dist/test/reglament_wasm_bg.wasm', import.meta.url)));

test('a panic becomes a ReglamentError with code "panic"; later calls refuse', () => {
  const cal = Calendar.defaultKyiv();
  assert.throws(() => __panicForTest(), (e) => {
    assert.ok(e instanceof ReglamentError, String(e));
    assert.ok(!(e instanceof WebAssembly.RuntimeError));
    assert.equal(e.code, 'panic');
    assert.match(e.message, /deliberate panic/);
    return true;
  });
  assert.throws(() => cal.add('2026-03-27T15:00:00Z', 1), (e) => e instanceof ReglamentError && e.code === 'panic');
  assert.throws(() => Calendar.defaultKyiv(), (e) => e instanceof ReglamentError && e.code === 'panic');
});
