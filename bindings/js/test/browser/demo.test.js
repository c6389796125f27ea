// The demo board in headless Chromium: one request walked from registration
// to the archive through the page's buttons (the ones the engine allows),
// a refused action showing its clause and sentence, and a screenshot.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './chromium.mjs';

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
after(async () => { await browser.close(); server.close(); });
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

test('the demo board walks a request from registration to the archive', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/demo/index.html`);
  await page.waitForFunction(() => window.__board?.ready);
  await page.uncheck('#live'); // deterministic time: the test moves it

  const inColumn = async (status) => page.locator(`[data-testid="column-${status}"] [data-testid="card-T-1"]`).count();
  const press = async (role, kind) => {
    await page.selectOption('[data-testid="role"]', role);
    const button = page.locator(`[data-testid="T-1-${kind}"]`);
    assert.equal(await button.isVisible(), true, `${role} has no visible ${kind} button`);
    await button.click();
  };

  // the week view shows working hours and days off
  const week = await page.locator('[data-testid="week-table"]').innerText();
  assert.match(week, /09:00–18:00/);

  // register as the operator, by phone, on Monday 09:00 Kyiv
  await page.selectOption('[data-testid="role"]', 'operator');
  await page.selectOption('select[name="channel"]', 'phone');
  await page.click('[data-testid="register"]');
  assert.equal(await inColumn('backlog'), 1);
  assert.match(await page.locator('[data-testid="clock-response"]').innerText(), /1:00:00/); // high incident: 1 working hour

  // the consultant may start work; the user may not: a refused action shows its clause
  await page.selectOption('[data-testid="role"]', 'user');
  assert.equal(await page.locator('[data-testid="T-1-start_work"]').isVisible(), false);
  await page.locator('[data-testid="card-T-1"] details.more summary').click();
  await page.locator('[data-testid="T-1-start_work"]').click();
  const refusal = page.locator('[data-testid="refusal"]');
  assert.equal(await refusal.isVisible(), true);
  assert.ok(await refusal.getAttribute('data-clause'));
  assert.equal(await inColumn('backlog'), 1);

  await page.click('[data-testid="plus-hour"]');
  await press('consultant', 'start_work');
  assert.equal(await inColumn('in_progress'), 1);
  await page.click('[data-testid="plus-hour"]');
  await press('consultant', 'complete');
  assert.equal(await inColumn('done'), 1);
  await press('consultant', 'release');
  assert.equal(await inColumn('release'), 1);

  // archiving before the 10 days without acceptance is refused (clause 3.6) ...
  await page.selectOption('[data-testid="role"]', 'operator');
  await page.locator('[data-testid="card-T-1"] details.more summary').click();
  await page.locator('[data-testid="T-1-archive"]').click();
  assert.equal(await refusal.getAttribute('data-clause'), '3.6');
  assert.match(await refusal.innerText(), /archive_too_early/);

  // ... while the user's acceptance archives at once (3.6)
  await press('user', 'accept');
  assert.equal(await inColumn('archived'), 1);
  assert.equal(await page.locator('[data-testid="card-T-1"] [data-testid="clock-resolution"]').innerText().then((s) => s.startsWith('✓')), true);

  // a second request stays on the board for the screenshot, in English
  // (registered by the operator: the acceptance left the user selected)
  await page.selectOption('[data-testid="lang"]', 'en');
  await page.selectOption('[data-testid="role"]', 'operator');
  await page.click('[data-testid="register"]');
  assert.equal(await page.locator('[data-testid="column-backlog"] [data-testid="card-T-2"]').count(), 1);
  await page.selectOption('[data-testid="role"]', 'user');
  await page.locator('[data-testid="card-T-2"] details.more summary').click();
  await page.locator('[data-testid="T-2-start_work"]').click();
  assert.equal(await refusal.isVisible(), true);
  assert.match(await page.locator('[data-testid="week-table"]').innerText(), /Labour Day|Day of Labour|Labor/i);
  await page.screenshot({ path: new URL('demo-board.png', shots).pathname, fullPage: true });
  assert.deepEqual(errors, []);
});
