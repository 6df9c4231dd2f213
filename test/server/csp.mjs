// Koa middleware for the test runner's dev server: pages served with a strict
// Content-Security-Policy and Trusted Types, as the contract promises the widget works on.
//
//   GET /csp/page?bundle=B&policy=P   test/fixtures/csp/page.html, with the bundle B and the policy P
//
// Bundles (`bundle=`): module (dist/cdn/akhbar.js), iife (dist/cdn/akhbar.iife.js), ticker
// (dist/cdn/news-ticker.js alone, with only tickers on the page), module-twice and iife-twice
// (two copies: the same file under two URLs).
// Policies (`policy=`): strict (default: the contract's line), duplicates (the same with
// 'allow-duplicates', what a page loading two copies needs), report (strict, report-only).
// The page records what happens in window.__csp (see test/fixtures/csp/listen.js).

import { readFile } from 'node:fs/promises';

export const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html akhbar";

const POLICIES = {
  strict: STRICT_POLICY,
  duplicates: `${STRICT_POLICY} 'allow-duplicates'`,
};

const module = (src) => `<script type="module" src="${src}"></script>`;
const classic = (src) => `<script src="${src}"></script>`;
const BUNDLES = {
  module: module('/dist/cdn/akhbar.js'),
  iife: classic('/dist/cdn/akhbar.iife.js'),
  ticker: module('/dist/cdn/news-ticker.js'),
  'module-twice': module('/dist/cdn/akhbar.js') + module('/dist/cdn/akhbar.js?copy=2'),
  'iife-twice': classic('/dist/cdn/akhbar.iife.js') + classic('/dist/cdn/akhbar.iife.js?copy=2'),
};

const PAGE = new URL('../fixtures/csp/page.html', import.meta.url);
const TICKER_PAGE = new URL('../fixtures/csp/ticker-page.html', import.meta.url);

export async function cspPages(ctx, next) {
  if (ctx.path !== '/csp/page') return next();
  const bundle = String(ctx.query.bundle ?? 'module');
  const policy = POLICIES[String(ctx.query.policy ?? 'strict')];
  if (!BUNDLES[bundle] || !policy) {
    ctx.status = 400;
    ctx.body = 'unknown bundle or policy';
    return undefined;
  }
  const template = await readFile(bundle === 'ticker' ? TICKER_PAGE : PAGE, 'utf8');
  ctx.set('Content-Security-Policy', policy);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = template.replace('<!-- bundle -->', BUNDLES[bundle]);
  return undefined;
}
