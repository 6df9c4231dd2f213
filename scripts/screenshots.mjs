// The README's screenshots, taken from the real demo in headless Chromium: the demo is built
// as a static site (into a temporary folder, like dist/demo) and served by `vite preview`.
//   npm run screenshots                         writes docs/*.png
//   node scripts/screenshots.mjs --dev          from the dev server instead
//   node scripts/screenshots.mjs --out /tmp/x   somewhere else (to look before committing)
// CHROME_PATH picks the browser (default /usr/bin/chromium).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, createServer, preview } from 'vite';

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'docs';
const WIDTH = 1200;

mkdirSync(out, { recursive: true });

let site;
if (!dev) {
  site = mkdtempSync(join(tmpdir(), 'akhbar-demo-'));
  await build({ mode: 'demo', logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
  cpSync('demo/data', join(site, 'data'), { recursive: true });
}
const server = dev
  ? await createServer({ mode: 'demo', logLevel: 'warn', server: { port: 0, open: false } }).then((s) =>
      s.listen(),
    )
  : await preview({
      mode: 'demo',
      logLevel: 'warn',
      build: { outDir: site },
      preview: { port: 0, open: false },
    });
const base = server.resolvedUrls.local[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

/** Waits until every news element on the page has settled (ready, empty or error). */
async function settled(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('news-ticker, news-article')].every((element) =>
        ['ready', 'empty', 'error'].includes(element.getAttribute('status')),
      ),
    undefined,
    { timeout: 15000 },
  );
  await page.evaluate(() => document.fonts.ready);
  // Let the markdown sections render and the ticker move a little off its start.
  await page.waitForTimeout(1500);
}

async function shot(name, path, { colorScheme = 'light', height = 900, fullPage = false, before } = {}) {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height },
    deviceScaleFactor: 1,
    colorScheme,
    locale: 'ar-MA',
    timezoneId: 'Africa/Casablanca',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // The gallery asks for a missing file on purpose (its error state).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  await page.goto(new URL(path, base).href);
  await settled(page);
  if (before) await before(page);
  // Hold the tickers still, so the picture is sharp and every run alike.
  await page.evaluate(() =>
    document.querySelectorAll('news-ticker').forEach((ticker) => (ticker.paused = true)),
  );
  await page.waitForTimeout(200);
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await context.close();
  if (problems.length) console.warn(`${name}: ${problems.join('\n  ')}`);
  console.log(`wrote ${file}`);
}

try {
  await shot('demo', 'index.html');
  await shot('demo-dark', 'index.html', { colorScheme: 'dark' });
  await shot('playground', 'playground.html', {
    height: 1100,
    before: async (page) => {
      // A feed, the dark theme and a custom accent: the builder at work.
      await page.selectOption('select[name="sample"]', 'rss.xml');
      await page.check('input[name="theme"][value="dark"]', { force: true });
      await page.fill('input[name="accent"]', '#2b7bb9');
      await page.dispatchEvent('input[name="accent"]', 'change');
      await page.waitForTimeout(300);
      await settled(page);
      await page.evaluate(() => {
        document.querySelector('#controls').scrollTo(0, 0);
        window.scrollTo(0, 0);
      });
    },
  });
  await shot('gallery', 'gallery.html', { height: 1400 });
} finally {
  await browser.close();
  await (dev ? server.close() : server.httpServer.close());
  if (site) rmSync(site, { recursive: true, force: true });
}
