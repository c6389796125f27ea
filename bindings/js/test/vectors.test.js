// Every conformance vector of tests/vectors/ through the WebAssembly API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as full from 'reglament';
import * as slim from 'reglament/slim';
import { runVector, newCoverage } from './vectors-runner.js';

const dir = new URL('../../../tests/vectors/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const cov = newCoverage();

test('there are at least 40 vectors', () => {
  assert.ok(files.length >= 40, `found ${files.length}`);
});

// Every vector through the default build (all zones) and the slim build
// (Europe/Kyiv and UTC: every vector uses the default Kyiv calendar).
for (const [build, api] of [['full', full], ['slim', slim]]) {
  for (const f of files) {
    const v = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    test(`[${build}] vector ${f}`, () => {
      const errs = runVector(api, v, cov);
      assert.deepEqual(errs, [], `${v.name}:\n  ${errs.join('\n  ')}`);
    });
  }
}

test('the vectors run every query op', () => {
  for (const op of ['queue', 'must_register', 'archive_due', 'contact_change_notice_due', 'what_if', 'compliance']) {
    assert.ok(cov.ops.has(op), `no vector ran ${op}`);
  }
  assert.ok(cov.kinds.size >= 20, `event kinds seen: ${[...cov.kinds].join(', ')}`);
  assert.ok(cov.clockVectors >= 30, `vectors with clocks: ${cov.clockVectors}`);
});
