// A tiny static server for the browser tests and the demo, on 127.0.0.1:
// serves bindings/js/ at `/` and the conformance vectors at
// `/vectors/index.json` (the list) and `/vectors/<file>.json`.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const vectors = resolve(pkg, '..', '..', 'tests', 'vectors');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function serve(port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      // the printed address: the board lives in /demo/ (its relative
      // board.css and board.js resolve there)
      if (path === '/' || path === '/demo') {
        res.writeHead(302, { location: '/demo/' });
        res.end();
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      let file;
      if (path === '/vectors/index.json') {
        const list = (await readdir(vectors)).filter((f) => f.endsWith('.json')).sort();
        res.writeHead(200, { 'content-type': TYPES['.json'] });
        res.end(JSON.stringify(list));
        return;
      }
      if (path.startsWith('/vectors/')) file = join(vectors, normalize(path.slice('/vectors/'.length)));
      else file = join(pkg, normalize(path));
      if (!file.startsWith(pkg) && !file.startsWith(vectors)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(e.message));
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const server = await serve(Number(process.env.PORT ?? 8080));
  const { port } = server.address();
  console.log(`reglament demo: http://127.0.0.1:${port}/  (vectors page: http://127.0.0.1:${port}/test/browser/vectors.html)`);
}
