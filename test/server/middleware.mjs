// Koa middleware for the test runner's dev server: feeds with real HTTP behaviour
// (validators and 304s, delays, errors, wrong content types, slow, cut and oversize
// bodies, CORS) and a counter, so `src` tests run against a real server instead of a
// stubbed fetch. Routes live under /api/ so they never shadow files on disk.
//
//   GET /api/feed?key=K&scenario=S&…   a feed; every request is recorded under K
//   GET /api/count?key=K               what the server saw for K (JSON, see `stats()`)
//   GET /api/corpus/<file>             a file of the shared feed corpus, byte for byte
//
// Scenarios (`scenario=`):
//   static (default)  the same ticker on every request, no validators
//   version           the body changes on each request: titles end in "v<N>" (N = request number)
//   etag              ETag "v1" (then "v2" from request `change=` on); 304 when If-None-Match matches
//   lastmod           Last-Modified (moves forward from request `change=` on); 304 when not modified since
//   page              a page document {ticker, article} (test/fixtures/server/page.json)
//   file              `name=` a file of test/fixtures/server/
//   html              an HTML page (200, text/html)
//   empty             an empty body
//   cookie            a ticker whose title says whether the request carried a cookie
//   slow              the body in `chunks=` pieces, `every=` ms apart
//   big               `size=` bytes of JSON (with Content-Length unless `length=0`)
//   destroy           the socket is destroyed before any answer (`partial=1`: after half the body)
// Modifiers: `delay=` ms before answering, `status=` an HTTP status, `type=` the
// Content-Type, `fail=2,3` / `garbage=2` request numbers answering 500 / an HTML page,
// `cors=1` Access-Control-Allow-Origin (cross-origin requests are refused without it).

import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const FIXTURES = new URL('../fixtures/server/', import.meta.url);
const counters = new Map();

function stats(key) {
  let entry = counters.get(key);
  if (!entry) {
    entry = {
      requests: 0,
      ok: 0,
      notModified: 0,
      failed: 0,
      aborted: 0,
      completed: 0,
      conditional: 0,
      preflights: 0,
      cookies: 0,
      times: [],
      statuses: [],
    };
    counters.set(key, entry);
  }
  return entry;
}

const typeOf = (name) =>
  String(name).endsWith('.xml')
    ? 'application/rss+xml'
    : String(name).endsWith('.html')
      ? 'text/html'
      : 'application/json';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const numbers = (value) =>
  new Set(
    String(value ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number),
  );
const BASE_DATE = Date.UTC(2025, 3, 14, 18, 55, 0);

function ticker(label, suffix) {
  return {
    label,
    items: [
      { title: `أول خبر عاجل ${suffix}`, url: 'https://example.com/1' },
      { title: `ثاني خبر عاجل ${suffix}`, url: 'https://example.com/2' },
    ],
  };
}

async function bodyFor(scenario, query, n, ctx) {
  switch (scenario) {
    case 'file':
      return readFile(new URL(String(query.name).replace(/[^\w.-]/g, ''), FIXTURES));
    case 'version':
      return JSON.stringify(ticker('عاجل', `v${n}`));
    case 'page':
      return readFile(new URL('page.json', FIXTURES));
    case 'html':
      return readFile(new URL('not-a-feed.html', FIXTURES));
    case 'empty':
      return '';
    case 'cookie':
      return JSON.stringify(
        ticker('cookie', ctx.get('cookie').includes('akhbar_test=') ? 'cookie:yes' : 'cookie:no'),
      );
    default:
      return JSON.stringify(ticker('عاجل', query.tag ?? 'static'));
  }
}

function cors(ctx, query) {
  if (query.cors !== '1') return;
  const origin = ctx.get('origin');
  ctx.set('Access-Control-Allow-Origin', origin || '*');
  ctx.set('Vary', 'Origin');
  if (origin) ctx.set('Access-Control-Allow-Credentials', 'true');
}

async function feed(ctx) {
  const query = ctx.query;
  const key = String(query.key ?? 'default');
  const entry = stats(key);
  if (ctx.method === 'OPTIONS') {
    entry.preflights += 1;
    cors(ctx, query);
    ctx.set('Access-Control-Allow-Headers', 'if-none-match, if-modified-since');
    ctx.status = 204;
    return;
  }
  entry.requests += 1;
  const n = entry.requests;
  entry.times.push(Date.now());
  if (ctx.get('if-none-match') || ctx.get('if-modified-since')) entry.conditional += 1;
  if (ctx.get('cookie').includes('akhbar_test=')) entry.cookies += 1;
  ctx.res.on('close', () => {
    if (ctx.res.writableFinished) entry.completed += 1;
    else entry.aborted += 1;
  });

  const scenario = String(query.scenario ?? 'static');
  if (query.delay) await sleep(Number(query.delay));
  if (ctx.req.destroyed || ctx.res.destroyed) {
    ctx.status = 204; // not the default 404, which the runner would report
    ctx.respond = false; // the client went away while we waited
    return;
  }
  cors(ctx, query);
  ctx.set('Cache-Control', 'no-cache');

  const record = (status) => {
    entry.statuses.push(status);
    if (status === 304) entry.notModified += 1;
    else if (status >= 200 && status < 300) entry.ok += 1;
    else entry.failed += 1;
  };

  if (scenario === 'destroy' && query.partial !== '1') {
    record(0);
    ctx.status = 204; // never sent: the runner would report the default 404
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (numbers(query.fail).has(n) || query.status) {
    const status = query.status ? Number(query.status) : 500;
    record(status);
    ctx.status = status;
    ctx.type = 'text/plain';
    ctx.body = `status ${status}`;
    return;
  }
  if (numbers(query.garbage).has(n)) {
    record(200);
    ctx.type = 'text/html';
    ctx.body = await bodyFor('html', query, n, ctx);
    return;
  }

  const change = Number(query.change ?? Infinity);
  const version = n >= change ? 2 : 1;
  if (scenario === 'etag') {
    const etag = `"v${version}"`;
    ctx.set('ETag', etag);
    if (ctx.get('if-none-match') === etag) {
      record(304);
      ctx.status = 304;
      return;
    }
    record(200);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(ticker('عاجل', `etag-v${version}`));
    return;
  }
  if (scenario === 'lastmod') {
    const modified = new Date(BASE_DATE + (version - 1) * 3600_000);
    ctx.set('Last-Modified', modified.toUTCString());
    const since = Date.parse(ctx.get('if-modified-since'));
    if (!Number.isNaN(since) && since >= modified.getTime()) {
      record(304);
      ctx.status = 304;
      return;
    }
    record(200);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(ticker('عاجل', `lastmod-v${version}`));
    return;
  }
  if (scenario === 'big') {
    const size = Number(query.size ?? 6 * 1024 * 1024);
    record(200);
    ctx.type = query.type ?? 'application/json';
    const chunk = 64 * 1024;
    async function* body() {
      let sent = 0;
      while (sent < size) {
        const length = Math.min(chunk, size - sent);
        const piece = Buffer.alloc(length, 0x20);
        if (sent === 0) piece[0] = 0x5b; // [
        if (sent + length === size) piece[length - 1] = 0x5d; // ]
        sent += length;
        yield piece;
        await sleep(1);
      }
    }
    if (query.length !== '0') ctx.length = size;
    ctx.body = Readable.from(body());
    return;
  }
  const text = await bodyFor(scenario, query, n, ctx);
  record(200);
  ctx.type =
    query.type ??
    (scenario === 'html' ? 'text/html' : scenario === 'file' ? typeOf(query.name) : 'application/json');
  if (scenario === 'slow' || scenario === 'destroy') {
    const buffer = Buffer.from(text);
    const chunks = scenario === 'destroy' ? 2 : Number(query.chunks ?? 4);
    const every = Number(query.every ?? 100);
    const size = Math.ceil(buffer.length / chunks);
    ctx.length = buffer.length;
    ctx.respond = false;
    ctx.status = 200;
    const res = ctx.res;
    res.writeHead(200, { ...ctx.response.headers });
    for (let i = 0; i < chunks; i += 1) {
      if (res.destroyed) return;
      if (scenario === 'destroy' && i === 1) {
        ctx.req.socket.destroy();
        return;
      }
      res.write(buffer.subarray(i * size, (i + 1) * size));
      await sleep(every);
    }
    res.end();
    return;
  }
  ctx.body = text;
}

// The shared feed corpus lives beside the repository. The dev server re-encodes text files
// as UTF-8 (a UTF-16 BOM would arrive as two U+FFFD), so corpus files go out as raw bytes.
const CORPUS = new URL('../../../shared/corpus/feeds/', import.meta.url);

async function corpus(ctx) {
  const name = decodeURIComponent(ctx.path.slice('/api/corpus/'.length));
  if (!/^[\w.-]+$/.test(name)) {
    ctx.status = 400;
    return;
  }
  try {
    ctx.body = await readFile(new URL(name, CORPUS));
    // A type by extension and no charset: the bytes must speak for themselves.
    ctx.type = name.endsWith('.json')
      ? 'application/json'
      : name.endsWith('.txt')
        ? 'text/plain'
        : 'application/xml';
  } catch {
    ctx.status = 404;
    ctx.body = `no corpus file ${name}`;
  }
}

/** Koa middleware: answers /api/* and passes everything else on. */
export async function fixtureServer(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  if (ctx.path.startsWith('/api/corpus/')) return corpus(ctx);
  if (ctx.path === '/api/count') {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(stats(String(ctx.query.key ?? 'default')));
    return;
  }
  if (ctx.path === '/api/feed') return feed(ctx);
  ctx.status = 404;
  ctx.body = 'unknown fixture route';
}
