// Builds the sample page with each bundler into out/<name>/ from the
// packed package installed in node_modules/reglament (run.sh does both).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as vite } from 'vite';
import webpack from 'webpack';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const require = createRequire(import.meta.url);
rmSync(out, { recursive: true, force: true });

const page = (title, script) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>${script}</body></html>\n`;

// The README's esbuild step: copy the module next to the bundle.
function copyWasm(dir) {
  copyFileSync(require.resolve('reglament/full.wasm'), join(dir, 'reglament_wasm_bg.wasm'));
}

async function viteBuild() {
  await vite({
    root: join(here, 'app', 'vite'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(out, 'vite'), emptyOutDir: true },
  });
}

async function esbuildBuild(format) {
  const dir = join(out, `esbuild-${format}`);
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, 'app', `esbuild-${format}.js`)],
    bundle: true,
    format,
    platform: 'browser',
    target: format === 'iife' ? 'es2020' : 'es2022',
    outfile: join(dir, 'app.js'),
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' }, // the IIFE has no import.meta: init() then asks for the URL
  });
  copyWasm(dir);
  writeFileSync(join(dir, 'index.html'), page(`reglament with esbuild (${format})`,
    format === 'esm' ? '<script type="module" src="./app.js"></script>' : '<script src="./app.js"></script>'));
}

function webpackBuild() {
  const dir = join(out, 'webpack');
  return new Promise((ok, ko) => {
    webpack({
      mode: 'production',
      target: 'web',
      entry: join(here, 'app', 'webpack.js'),
      output: { path: dir, filename: 'app.js', publicPath: 'auto' },
      performance: { hints: false },
    }, (err, stats) => {
      if (err) return ko(err);
      if (stats.hasErrors()) return ko(new Error(stats.toString('errors-only')));
      writeFileSync(join(dir, 'index.html'), page('reglament with webpack', '<script src="./app.js"></script>'));
      ok();
    });
  });
}

const which = process.argv.slice(2);
const steps = { vite: viteBuild, 'esbuild-esm': () => esbuildBuild('esm'), 'esbuild-iife': () => esbuildBuild('iife'), webpack: webpackBuild };
for (const [name, step] of Object.entries(steps)) {
  if (which.length && !which.includes(name)) continue;
  const t0 = Date.now();
  await step();
  console.log(`built ${name} in ${Date.now() - t0} ms`);
}
