// Web Test Runner: the whole suite in real, headless engines.
// BROWSERS=chromium,firefox,webkit (default: all three; WebKit runs under Xvfb, see scripts/wtr-browsers.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browsers } from './scripts/wtr-browsers.mjs';
import { countingReporter } from './scripts/wtr-reporter.mjs';
import { fixtureServer } from './test/server/middleware.mjs';
import { cspPages } from './test/server/csp.mjs';
import { reactPlugin } from './test/react/react-plugin.mjs';
import { blankPages } from './test/demo/blank-pages.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  files: ['test/**/*.test.ts'],
  // Test what ships: Lit's production build (no dev-mode warnings).
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  browsers: browsers(),
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [fixtureServer, cspPages, blankPages],
  // reactPlugin: React (CommonJS on npm) as ES modules, for test/react and the README's React snippet.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), reactPlugin()],
  reporters: [defaultReporter(), countingReporter()],
};
