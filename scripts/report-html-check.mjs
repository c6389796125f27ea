// The period report's HTML page in headless Chromium (issue 15): opened from
// a file with every network request refused and recorded, no console error,
// the headline numbers equal to the JSON report's, printed to PDF (A4, at
// least one page), and screenshots at A4 width and at 1280 px written into
// docs/ (docs/report-a4.png, docs/report-1280.png).
//
//   node scripts/report-html-check.mjs path/to/reglament
//
// playwright-core comes from bindings/js/node_modules (npm ci there), the
// browser is Debian's chromium (bindings/js/test/browser/chromium.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../bindings/js/test/browser/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.argv[2] ?? join(root, 'target/debug/reglament');
const dir = mkdtempSync(join(tmpdir(), 'reglament-report-html-'));

// the requests of the first report vector, and the two walk-throughs
const vector = JSON.parse(readFileSync(join(root, 'tests/reports/001-on-time-late-and-open.json'), 'utf8'));
const files = vector.requests.map((r) => {
  const f = join(dir, `${r.id}.jsonl`);
  writeFileSync(f, r.events.map((e) => JSON.stringify(e) + '\n').join(''));
  return f;
});
files.push(join(root, 'docs/examples/clocks-walkthrough.jsonl'), join(root, 'docs/examples/ticket-life.jsonl'));
const args = ['report', '--from', '2026-03-01', '--to', '2026-12-01', '--now', vector.now, '--target', '90'];
const json = JSON.parse(execFileSync(bin, [...args, ...files], { encoding: 'utf8' }));

const browser = await launch();
try {
  for (const lang of ['en', 'uk']) {
    const html = join(dir, `report-${lang}.html`);
    execFileSync(bin, [...args, '--format', 'html', '--lang', lang, '--out', html, ...files]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const requested = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') && url.endsWith(`report-${lang}.html`)) return route.continue();
      requested.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(html).href);
    assert.deepEqual(requested, [], `${lang}: the page asked for ${requested.join(', ')}`);
    assert.deepEqual(problems, [], `${lang}: ${problems.join('; ')}`);

    // the headline numbers are the JSON's
    for (const t of json.totals.filter((t) => t.bucket === null)) {
      const cell = async (field) => (await page.locator(`#headline tr[data-metric="${t.metric}"] td[data-field="${field}"]`).innerText()).trim();
      assert.equal(await cell('counted'), String(t.extended.counted), `${lang} ${t.metric} counted`);
      assert.equal(await cell('on_time'), String(t.extended.on_time), `${lang} ${t.metric} on_time`);
      assert.equal(await cell('breached'), String(t.extended.breached), `${lang} ${t.metric} breached`);
      assert.equal(await cell('open'), String(t.open), `${lang} ${t.metric} open`);
      const pct = t.extended.percent_on_time === null ? '—' : t.extended.percent_on_time.toFixed(1);
      assert.equal(await cell('percent_on_time'), pct, `${lang} ${t.metric} %`);
    }
    // the chart's bars carry the buckets' percentages
    for (const t of json.totals.filter((t) => t.bucket !== null && t.extended.percent_on_time !== null)) {
      const bar = page.locator(`rect[data-bucket="${t.bucket}"][data-metric="${t.metric}"]`);
      assert.equal(await bar.getAttribute('data-percent'), t.extended.percent_on_time.toFixed(1), `${t.bucket} ${t.metric}`);
    }
    assert.equal((await page.locator('#merkle-root').innerText()).trim(), json.merkle_root);
    assert.equal(await page.locator('#breaches tbody tr').count(), json.breaches.length);
    assert.equal(await page.locator('#open tbody tr').count(), json.open.length);
    assert.ok(await page.locator('svg title').count() >= 2, 'charts carry titles');

    // print to PDF on A4
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages > 0, `${lang}: the PDF has no page`);
    console.log(`${lang}: ${pdf.length} bytes of PDF, ${pages} A4 page(s), no request, no console error, numbers as in the JSON`);

    if (lang === 'en') {
      await page.screenshot({ path: join(root, 'docs/report-1280.png'), fullPage: false });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.screenshot({ path: join(root, 'docs/report-a4.png'), fullPage: false });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('report HTML: all checks passed; screenshots in docs/report-1280.png and docs/report-a4.png');
