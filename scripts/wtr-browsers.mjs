// The engines the suite runs in, with the launch options that work on Debian as root.
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const launchers = {
  chromium: () =>
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: chromiumArgs } }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
    }),
};

/** The engines named in BROWSERS (comma-separated), else Chromium and Firefox. */
export function browsers() {
  const names = (process.env.BROWSERS ?? 'chromium,firefox').split(',').map((name) => name.trim());
  return names.filter(Boolean).map((name) => {
    if (!launchers[name]) throw new Error(`Unknown browser "${name}"; known: ${Object.keys(launchers).join(', ')}`);
    return launchers[name]();
  });
}

export const installed = { chromium: () => existsSync(CHROMIUM), firefox: () => existsSync(FIREFOX) };
