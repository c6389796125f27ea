// Loads every page of out/ (built by build.mjs) in headless Chromium from
// a server on 127.0.0.1 and checks what the page computed; then Node ESM and
// require() from the same installed package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

const EXPECTED = {
  due: '2026-03-30T07:00:00Z',
  dueDate: '2026-03-30T07:00:00.000Z',
  error: { isReglamentError: true, code: 'invalid_instant', cloned: 'invalid_instant' },
  variant: 'full',
  printed: 'Calendar(Europe/Kyiv)',
};

function expectOk(result, how) {
  assert.ok(result && !result.failed, `${how}: ${JSON.stringify(result)}`);
  for (const [k, v] of Object.entries(EXPECTED)) assert.deepEqual(result[k], v, `${how}: ${k}`);
}

const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(out, normalize(path));
    if (!file.startsWith(out)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

test.after(async () => {
  await browser.close();
  server.close();
});

async function load(name) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/${name}/`);
  await page.waitForFunction(() => globalThis.__reglament !== undefined, null, { timeout: 30_000 });
  const result = await page.evaluate(() => globalThis.__reglament);
  await page.close();
  assert.deepEqual(errors, [], `${name}: page errors`);
  return result;
}

for (const name of ['vite', 'esbuild-esm', 'webpack']) {
  test(`${name}: the page loads the module and computes`, async () => {
    expectOk(await load(name), name);
  });
}

test('esbuild-iife: init() without a URL says how to fix it; with the URL it loads', async () => {
  const r = await load('esbuild-iife');
  expectOk(r, 'esbuild-iife');
  assert.deepEqual(r.hint, { code: 'wasm_load_failed', namesFix: true });
});

const node = (file) => JSON.parse(execFileSync(process.execPath, [join(here, 'app', file)], { encoding: 'utf8' }));

test('Node ESM: import and init() give the same API', () => {
  expectOk(node('node-esm.mjs'), 'node esm');
});

test('Node CommonJS: require() of the package', () => {
  const r = node('node-cjs.cjs');
  expectOk(r, 'node require()');
  assert.equal(r.slimVariant, 'slim');
});

test('the packed tarball ships every schemas/*.json of the repository, and no test build', () => {
  const tarball = process.env.REGLAMENT_TARBALL;
  assert.ok(tarball, 'run.sh sets REGLAMENT_TARBALL');
  const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const schemasDir = join(here, '..', '..', '..', '..', 'schemas');
  const schemas = readdirSync(schemasDir).filter((f) => f.endsWith('.json'));
  assert.ok(schemas.length > 0);
  for (const s of schemas) {
    assert.ok(entries.includes(`package/schemas/${s}`), `${s} is not in the package`);
    // and it resolves through the package's exports, byte for byte
    const resolved = createRequire(join(here, 'app', 'x.js')).resolve(`reglament/schemas/${s}`);
    assert.deepEqual(readFileSync(resolved), readFileSync(join(schemasDir, s)), s);
  }
  assert.ok(!entries.some((e) => e.startsWith('package/dist/test/')), 'the panic test build is packed');
  const glue = readFileSync(createRequire(join(here, 'app', 'x.js')).resolve('reglament/full.wasm').replace(/_bg\.wasm$/, '.js'), 'utf8');
  assert.ok(!glue.includes('__panicForTest'), 'the published glue exposes __panicForTest');
});
