// npm run build: every output of the contract, then the size budgets.
//   dist/cdn/*        bundles for script tags (Lit inside)
//   dist/*.js, *.d.ts the npm build (lit and marked stay dependencies)
//   dist/demo/        the demo as a static site
// Then the checks: size budgets, and the packed npm package as a consumer uses it.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
for (const mode of ['cdn-module', 'cdn-iife', 'cdn-ticker', 'demo']) {
  run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn']);
}
// The demo fetches its data at run time: ship the JSON beside the page.
cpSync('demo/data', 'dist/demo/data', { recursive: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('node', ['scripts/check-size.mjs']);
run('node', ['scripts/check-package.mjs']);
