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
  await page.goto(`${base}/`);
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

// What a visitor of `npm run demo` meets at the printed address
// (`http://127.0.0.1:<port>/`): the styled board, its selects in the page's
// language, and no horizontal overflow at a laptop's and a phone's width,
// with requests and their clocks on it. Screenshots of both widths go to
// test-results/ (copies are kept in docs/img/).
for (const width of [1280, 390]) {
  test(`the board at the printed address, ${width} px wide: styled, Ukrainian labels, no horizontal overflow`, async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 }); // (a persistent context ignores newPage's viewport)
    assert.equal(await page.evaluate(() => window.innerWidth), width);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const missing = [];
    page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__board?.ready);
    await page.uncheck('#live');
    assert.deepEqual(missing, []);
    // the stylesheet applied (the header's dark background)
    assert.equal(await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor), 'rgb(31, 41, 55)');
    // the selects speak Ukrainian: no option shows its code
    const options = await page.locator('header select#role option, form select option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()]));
    for (const [value, text] of options) {
      if (value) assert.notEqual(text, value, `option ${value} shows its code`);
      assert.doesNotMatch(text, /^[a-z_]+$/, `option ${value}: ${text}`);
    }
    // requests on the board, with their clocks
    await page.selectOption('[data-testid="role"]', 'operator');
    await page.selectOption('select[name="priority"]', 'critical');
    await page.click('[data-testid="register"]');
    await page.selectOption('select[name="priority"]', 'low');
    await page.click('[data-testid="register"]');
    await page.click('[data-testid="plus-hour"]');
    await page.click('[data-testid="plus-day"]');
    assert.equal(await page.locator('[data-testid="card-T-2"]').count(), 1);
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const wide = [...document.querySelectorAll('.card, .clock, .column, header, aside, form')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > doc.clientWidth + 1)
        .map((el) => `${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`);
      return { page: doc.scrollWidth, window: doc.clientWidth, wide };
    });
    assert.ok(overflow.page <= overflow.window, `the page is ${overflow.page} px wide in a ${overflow.window} px window`);
    assert.deepEqual(overflow.wide, []);
    await page.screenshot({ path: new URL(`demo-board-${width}.png`, shots).pathname, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
