// The benchmark's web server: loopback only, static files from the repository (dist/, bench/,
// demo/data/) and generated feeds under /feeds/, whose requests it counts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};
const SERVED = ['dist', 'bench', 'demo'];
/** Cross-origin isolation: performance.now() at 5 µs instead of 100 µs. */
const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Starts the server on 127.0.0.1 (a free port). `feeds(name)` answers /feeds/<name>.json.
 * @param {string} root the repository
 * @param {(name: string) => unknown} feeds
 */
export async function serve(root, feeds) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const feed = /^\/feeds\/([\w-]+)\.json$/.exec(path);
    if (feed) {
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const body = feeds(feed[1]);
      if (body === undefined) return end(response, 404, 'no such feed');
      response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store', ...ISOLATED });
      return response.end(JSON.stringify(body));
    }
    const file = normalize(join(root, path));
    const top = file.slice(root.length + 1).split(sep)[0];
    if (!file.startsWith(root + sep) || !SERVED.includes(top)) return end(response, 404, 'not served');
    try {
      const bytes = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...ISOLATED,
      });
      response.end(bytes);
    } catch {
      end(response, 404, 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Requests per /feeds/ path since the last reset. */
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

function end(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(text);
}
