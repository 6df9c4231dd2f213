// A feed that changes while you watch, for the demo's live page: served by the demo's dev
// and preview servers (`npm start`, `npm run preview`) at /live/breaking.json. Every ten
// seconds a headline joins at the top and the oldest leaves; each version has its ETag, so
// the ticker's conditional refreshes get 304 until something changed.
import { readFileSync } from 'node:fs';

const PERIOD_MS = 10_000;
const SHOWN = 5;
const seed = JSON.parse(readFileSync(new URL('./data/page.json', import.meta.url), 'utf8'));
// The seed's headlines and its article's title, in turn.
const pool = [...seed.ticker.items.map((item) => item.title), seed.article.title];

function version(now) {
  return Math.floor(now / PERIOD_MS);
}

/** The feed at version `v`: the SHOWN newest headlines, newest first. */
function feedAt(v) {
  const items = [];
  for (let n = v; n > v - SHOWN; n -= 1) {
    items.push({
      id: `live-${n}`,
      title: pool[((n % pool.length) + pool.length) % pool.length],
      time: new Date(n * PERIOD_MS).toISOString(),
    });
  }
  return { label: 'عاجل', items };
}

/** Connect middleware: answers /live/breaking.json, passes everything else on. */
export function liveFeed(request, response, next) {
  if (!request.url?.startsWith('/live/breaking.json')) return next();
  const v = version(Date.now());
  const etag = `"v${v}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(feedAt(v)));
}
