// Period SLA reports (DESIGN §6): every report vector of tests/reports/,
// as the Rust and CLI faces run them, and bad options named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Regulation, report, ReglamentError } from 'reglament';

const dir = new URL('../../../tests/reports/', import.meta.url);
const vectors = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** expected ⊆ actual: objects by key, arrays by position and length. */
function subset(path, expected, actual, out) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) { out.push(`${path}: length`); return; }
    expected.forEach((x, i) => subset(`${path}[${i}]`, x, actual[i], out));
  } else if (expected !== null && typeof expected === 'object') {
    for (const k of Object.keys(expected)) subset(`${path}.${k}`, expected[k], actual?.[k] ?? null, out);
  } else if (expected !== actual) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

test('at least five report vectors', () => assert.ok(vectors.length >= 5));

for (const file of vectors) {
  test(`report vector ${file}`, () => {
    const v = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const reg = v.regulation ? Regulation.withOverrides(v.regulation) : Regulation.default();
    const options = { from: v.from, to: v.to, now: v.now, by: v.by };
    if (v.contract) options.contract = v.contract;
    const r = report(reg, v.requests, options);
    const diffs = [];
    subset('', v.expected, r, diffs);
    assert.deepEqual(diffs, []);
  });
}

test('report: an empty period and an unknown bucketing are ReglamentErrors naming the option', () => {
  const reg = Regulation.default();
  assert.throws(() => report(reg, [], { from: '2026-12-01', to: '2026-11-01', now: '2026-12-02T00:00:00Z' }),
    (e) => e instanceof ReglamentError && e.field === 'to');
  assert.throws(() => report(reg, [], { from: '2026-11-01', to: '2026-12-01', now: '2026-12-02T00:00:00Z', by: 'day' }),
    (e) => e instanceof ReglamentError && /options\.by/.test(e.message));
});
