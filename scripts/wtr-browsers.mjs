// The engines the suite runs in, with the launch options that work on Debian as root.
//   chromium  Debian's Chromium through puppeteer (CDP)
//   firefox   Debian's Firefox ESR through puppeteer (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic), on a
//             virtual X display: the launcher starts `xvfb-run -a WebKitWebDriver` on a free
//             port itself and stops it (and the browser and Xvfb with it) when the run ends.
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN = '/usr/bin/xvfb-run';

/** Every engine, in the order the suite runs them by default. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

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

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port`; rejects after `ms`. */
async function waitForPort(port, ms, child) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited early (code ${child.exitCode})`);
    const open = await new Promise((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`WebKitWebDriver did not listen on port ${port} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * WebKitGTK under WebDriver. `initialize` starts WebKitWebDriver (under xvfb-run, unless a
 * DISPLAY is set and WEBKIT_XVFB=0) on a free port in its own process group; `stop` and the
 * process's exit kill that group: xvfb-run, Xvfb, the driver and the browser it launched.
 */
class WebKitLauncher extends WebdriverLauncher {
  #driver;

  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 4444,
      path: '/',
      logLevel: 'error',
      connectionRetryCount: 2,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    });
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    const port = await freePort();
    const useXvfb = !(process.env.DISPLAY && process.env.WEBKIT_XVFB === '0');
    const [command, args] = useXvfb
      ? [XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp', WEBKIT_DRIVER, `--port=${port}`]]
      : [WEBKIT_DRIVER, [`--port=${port}`]];
    const child = spawn(command, args, {
      detached: true, // its own process group, so one kill stops everything under it
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    this.#driver = child;
    process.once('exit', () => this.#kill());
    try {
      await waitForPort(port, 30000, child);
    } catch (error) {
      this.#kill();
      throw new Error(`${error.message}\n${stderr}`);
    }
    this.options.port = port;
  }

  async stop() {
    await super.stop();
    this.#kill();
  }

  #kill() {
    const child = this.#driver;
    this.#driver = undefined;
    if (!child || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

const launchers = {
  chromium: () =>
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: chromiumArgs } }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
    }),
  webkit: () => new WebKitLauncher(),
};

/** The engine names in BROWSERS (comma-separated), else every engine. */
export function browserNames() {
  return (process.env.BROWSERS ?? ENGINES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Launchers for the engines in BROWSERS, else Chromium, Firefox and WebKit. */
export function browsers() {
  return browserNames().map((name) => {
    if (!launchers[name])
      throw new Error(`Unknown browser "${name}"; known: ${Object.keys(launchers).join(', ')}`);
    return launchers[name]();
  });
}

export const installed = {
  chromium: () => existsSync(CHROMIUM),
  firefox: () => existsSync(FIREFOX),
  webkit: () => existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER) && existsSync(XVFB_RUN),
};
