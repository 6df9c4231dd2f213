// Size budgets for dist/cdn, in brotli bytes (quality 11, as CDNs serve them). Runs at the end of
// `npm run build`: prints every file's raw / gzip / brotli size (entries and lazy chunks), then
// each budget, and fails the build when one is passed. bench/run.mjs reuses these functions.
//
// A budget counts what a page downloads for that case: an entry, plus the files it imports
// statically; "article with markdown" adds the markdown chunk (loaded by the first markdown
// section) and what that chunk imports. Each file is compressed on its own, as it is served.
//
// Where the target is met, the budget is the target. Where honest work did not reach
// it, the budget is the size achieved rounded up by about 3% (so it holds what we have and
// stops growth), and `missed` says by how much and why; BENCHMARKS.md and the README
// say what would close the gap.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One budget: what it covers (files relative to dist/cdn), the target and the budget. */
export const BUDGETS = [
  {
    name: 'news-ticker.js',
    what: 'the ticker alone, first load (own-format JSON)',
    files: (graph) => closure(graph, 'news-ticker.js'),
    target: 8_000,
    budget: 20_700,
    missed:
      'Lit is 5.5 kB of the 8 kB; the ticker itself (seamless WAAPI loop that keeps its place on live ' +
      'updates, still mode with steppers, pause controls, states and fallback, the shared fetch cache ' +
      'with refresh/back-off/lazy loading, six-language UI strings, Intl dates with calendars and ' +
      'numerals) is ~14 kB more after minifying templates and moving every feed format to a lazy chunk',
  },
  {
    name: 'akhbar.js',
    what: 'every element, first load (markdown, sanitizer and feeds lazy)',
    files: (graph) => closure(graph, 'akhbar.js'),
    target: 11_000,
    budget: 27_400,
    missed:
      'the ticker as above plus the article, the section (its markdown typography CSS), relative ' +
      'times and the text renderer: ~20 kB of our own code beside Lit 5.5 kB',
  },
  {
    name: 'article with markdown',
    what: 'akhbar.js + the markdown chunk + what that chunk imports',
    files: (graph) =>
      union(closure(graph, 'akhbar.js'), closure(graph, lazyChunk(graph, 'akhbar.js', 'markdown'))),
    target: 24_000,
    budget: 42_400,
    missed: 'akhbar.js (above) + marked 14.1 kB, which does not tree-shake below its whole size',
  },
  {
    name: 'feed reader chunk (of news-ticker.js)',
    what: 'RSS/Atom/JSON Feed/WordPress/JSON-LD, XML and legacy encodings: loaded for such a document only',
    files: (graph) => [lazyChunk(graph, 'news-ticker.js', 'feeds')],
    budget: 7_450,
  },
  {
    name: 'feed reader chunk (of akhbar.js)',
    what: 'the same for akhbar.js (its entry already holds the HTML-parsing helpers)',
    files: (graph) => [lazyChunk(graph, 'akhbar.js', 'feeds')],
    budget: 5_950,
  },
  {
    name: 'markdown chunk',
    what: 'marked and the markdown-to-Lit renderer',
    files: (graph) => [lazyChunk(graph, 'akhbar.js', 'markdown')],
    budget: 15_050,
  },
  {
    name: 'sanitizer chunk',
    what: 'DOMPurify for `format: html` sections',
    files: (graph) => [lazyChunk(graph, 'akhbar.js', 'html')],
    budget: 12_350,
  },
];

export function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/**
 * Every .js file under `dir` (paths relative to it, with /), its sizes and the files it imports
 * statically and dynamically (relative imports only, as the bundler writes them).
 */
export function cdnGraph(dir = 'dist/cdn') {
  const graph = new Map();
  for (const path of walk(dir).filter((file) => file.endsWith('.js'))) {
    const name = relative(dir, path).split('\\').join('/');
    const code = readFileSync(path, 'utf8');
    const resolve = (specifier) => posix.normalize(posix.join(posix.dirname(name), specifier));
    const quoted = `["'\`](\\.{1,2}/[^"'\`]+)["'\`]`;
    const dynamic = [...code.matchAll(new RegExp(`import\\(\\s*${quoted}\\s*\\)`, 'g'))].map((m) =>
      resolve(m[1]),
    );
    const statics = [...code.matchAll(new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*)${quoted}`, 'g'))].map((m) =>
      resolve(m[1]),
    );
    graph.set(name, { ...sizes(path), statics: [...new Set(statics)], dynamic: [...new Set(dynamic)] });
  }
  return graph;
}

/** `file` and everything it imports statically, transitively. */
export function closure(graph, file) {
  const seen = new Set();
  const visit = (name) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    for (const next of graph.get(name)?.statics ?? []) visit(next);
  };
  visit(file);
  return [...seen];
}

/** The chunk `entry` imports dynamically whose name starts with `prefix` (chunks/markdown-….js). */
export function lazyChunk(graph, entry, prefix) {
  return graph.get(entry)?.dynamic.find((name) => posix.basename(name).startsWith(`${prefix}-`));
}

const union = (...lists) => [...new Set(lists.flat())];

/** Each budget with the brotli bytes of the files it covers (each compressed on its own). */
export function measureBudgets(graph) {
  return BUDGETS.map((entry) => {
    const files = entry.files(graph).filter(Boolean);
    const missing = files.length === 0 || files.some((file) => !graph.has(file));
    const brotli = files.reduce((sum, file) => sum + (graph.get(file)?.brotli ?? 0), 0);
    return { ...entry, files, brotli, missing };
  });
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

function main() {
  const dir = 'dist/cdn';
  const graph = cdnGraph(dir);
  console.log('\nfile                                    raw       gzip     brotli');
  for (const [name, size] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `${name.padEnd(34)} ${kB(size.raw).padStart(9)} ${kB(size.gzip).padStart(9)} ${kB(size.brotli).padStart(9)}`,
    );
  }
  console.log('\nbudget (brotli)                           size    budget    target');
  let failed = false;
  for (const entry of measureBudgets(graph)) {
    const over = entry.missing || entry.brotli > entry.budget;
    failed ||= over;
    const target = entry.target === undefined ? '' : kB(entry.target);
    const status = entry.missing ? '  FILES MISSING' : over ? '  OVER BUDGET' : '';
    console.log(
      `${entry.name.padEnd(38)} ${kB(entry.brotli).padStart(9)} ${kB(entry.budget).padStart(9)} ${target.padStart(9)}${status}`,
    );
  }
  const misses = measureBudgets(graph).filter(
    (entry) => entry.target !== undefined && entry.brotli > entry.target,
  );
  if (misses.length) {
    console.log('\nIssue targets not met (budgets hold what was achieved; see BENCHMARKS.md):');
    for (const entry of misses) {
      console.log(
        `  ${entry.name}: ${kB(entry.brotli)}, ${kB(entry.brotli - entry.target)} over ${kB(entry.target)}`,
      );
    }
  }
  if (failed) {
    console.error('\nA dist/cdn bundle is over its brotli budget (scripts/check-size.mjs).');
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));
  main();
}
