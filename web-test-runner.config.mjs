// Web Test Runner: the whole suite in real, headless engines.
// BROWSERS=chromium,firefox,webkit (default: every engine installed here).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browsers } from './scripts/wtr-browsers.mjs';
import { countingReporter } from './scripts/wtr-reporter.mjs';
import { fixtureServer } from './test/server/middleware.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  browsers: browsers(),
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [fixtureServer],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  reporters: [defaultReporter(), countingReporter()],
};
