// Every conformance vector in a real headless Chromium: the page, served on
// 127.0.0.1, imports the browser build (full and slim) and runs them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './chromium.mjs';

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
after(async () => { await browser.close(); server.close(); });

const page = await browser.newPage();
const logs = [];
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
await page.goto(`${base}/test/browser/vectors.html`);
await page.waitForFunction(() => window.__results, null, { timeout: 120_000 });
const out = await page.evaluate(() => window.__results);

test('the page loaded both builds in Chromium', () => {
  assert.equal(out.error, undefined, `${out.error}\n${logs.join('\n')}`);
  assert.match(out.userAgent, /Chrome/);
  assert.ok(out.results.length >= 80, `${out.results.length} results`);
});

for (const r of out.results ?? []) {
  test(`[chromium ${r.build}] vector ${r.file}`, () => {
    assert.deepEqual(r.errs, []);
  });
}
