// Size budgets for dist/cdn, in brotli bytes (quality 11, as CDNs serve them).
// Prints every file's raw / gzip / brotli size and fails the build when a budget is passed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const budgets = {
  'news-ticker.js': 8_000,
  'akhbar.js': 11_000,
};

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

export function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
let failed = false;
console.log('\nfile                                   raw        gzip     brotli   budget');
for (const path of files('dist/cdn').filter((file) => file.endsWith('.js')).sort()) {
  const name = relative('dist/cdn', path);
  const size = sizes(path);
  const budget = budgets[name];
  const over = budget !== undefined && size.brotli > budget;
  failed ||= over;
  console.log(
    `${name.padEnd(36)} ${kB(size.raw).padStart(9)} ${kB(size.gzip).padStart(9)} ${kB(size.brotli).padStart(9)}   ${
      budget ? `${kB(budget)}${over ? '  OVER BUDGET' : ''}` : ''
    }`,
  );
}
if (failed) {
  console.error('\nA dist/cdn file is over its brotli budget (scripts/check-size.mjs).');
  process.exit(1);
}
