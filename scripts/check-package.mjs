// The npm package as a consumer gets it: `npm pack`, unpacked into a throwaway project's
// node_modules, then imported through every `exports` subpath by a TypeScript file that is
// type-checked (strict) and bundled. Fails the build when a subpath, a type or a file is missing,
// when the package bundles Lit instead of depending on it, or when it ships what it should not.
// The bundle (node_modules/.cache/akhbar-package/app.js) is run in the browsers by
// test/package.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Inside the repository, so that `lit` and the other dependencies resolve from its node_modules,
// as they would from the consumer's.
const project = 'node_modules/.cache/akhbar-package';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

rmSync(project, { recursive: true, force: true });
mkdirSync(join(project, 'node_modules/akhbar'), { recursive: true });

// 1. What `npm pack` puts in the tarball.
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], {
    encoding: 'utf8',
  }),
);
const files = new Set(packed.files.map((file) => file.path));
const targets = Object.values(pkg.exports).flatMap((target) =>
  typeof target === 'string' ? [target] : Object.values(target),
);
for (const target of [...targets, pkg.main, pkg.types, pkg.customElements, pkg.unpkg]) {
  const path = target.replace(/^\.\//, '').replace('*', 'akhbar.js');
  if (!files.has(path)) problems.push(`${target} is named in package.json but not in the package`);
}
for (const path of [
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/cdn/akhbar.iife.js',
  'dist/cdn/news-ticker.js',
]) {
  if (!files.has(path)) problems.push(`${path} is missing from the package`);
}
for (const path of files) {
  if (/^(dist\/demo|src|test|bench|demo|scripts|docs)\//.test(path) || path.startsWith('node_modules/')) {
    problems.push(`${path} should not be in the package`);
  }
}
execFileSync('tar', [
  '-xzf',
  join(project, packed.filename),
  '-C',
  join(project, 'node_modules/akhbar'),
  '--strip-components=1',
]);

// 2. A consumer's code: every subpath, the tag and event maps, the typed properties. Its own
// package.json stops `akhbar` from resolving to this repository (a package can import itself).
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
);
writeFileSync(
  join(project, 'app.ts'),
  `import 'akhbar';
import 'akhbar/news-ticker';
import 'akhbar/news-article';
import 'akhbar/article-section';
import { ArticleSectionElement, NewsArticleElement, NewsTickerElement, registerStrings } from 'akhbar/elements';
import type {} from 'akhbar/react';
import type {} from 'akhbar/preact';
import manifest from 'akhbar/custom-elements.json';

const loaded: Record<string, string> = {};
const ticker: NewsTickerElement = document.createElement('news-ticker');
ticker.speed = 40;
ticker.data = { label: 'عاجل', items: [{ id: 'a', title: 'خبر من حزمة npm', url: 'https://news.example/a' }] };
ticker.addEventListener('news-load', (event) => {
  loaded.ticker = event.detail.data.items[0].title; // TickerData, no cast
});
const article: NewsArticleElement = document.createElement('news-article');
article.data = { title: 'مقال من حزمة npm', sections: [{ heading: 'قسم', body: 'نص **مهم**' }] };
article.addEventListener('news-load', (event) => {
  loaded.article = event.detail.data.title; // ArticleData, no cast
});
article.addEventListener('news-error', (event) => console.warn(event.detail.message));
const section: ArticleSectionElement = document.createElement('article-section');
section.heading = 'قسم مستقل';
section.body = 'نص القسم';
registerStrings('ar', { breaking: 'عاجل' });

const tags = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).flatMap((declaration) =>
    'tagName' in declaration && declaration.tagName ? [declaration.tagName] : [],
  ),
);
document.body.append(ticker, article, section);
export const app = { ticker, article, section, loaded, tags, sameClass: customElements.get('news-ticker') === NewsTickerElement };
`,
);
// The README's TypeScript snippets, each a module of that app (with the package loaded, as in an app).
const snippets = [...readFileSync('README.md', 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(
  ([, code], index) => {
    const file = `readme-${index + 1}.ts`;
    const setup = code.includes("from 'akhbar") ? '' : "import 'akhbar';\n";
    writeFileSync(join(project, file), `${setup}${code}export {};\n`);
    return file;
  },
);
if (snippets.length === 0) problems.push('README.md has no TypeScript snippet to check');
writeFileSync(
  join(project, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      resolveJsonModule: true,
      types: [],
    },
    files: ['app.ts', ...snippets],
  }),
);
try {
  execFileSync('npx', ['tsc', '-p', join(project, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  problems.push(
    `a consumer's TypeScript does not check against the package:\n${error.stdout}${error.stderr}`,
  );
}

// 3. Bundled as an app would be: each subpath resolves through `exports`, one copy of Lit.
const result = await build({
  entryPoints: [join(project, 'app.ts')],
  bundle: true,
  format: 'esm',
  splitting: true,
  outdir: project,
  conditions: ['production'],
  target: 'es2022',
  metafile: true,
  logLevel: 'silent',
}).catch((error) => {
  problems.push(`a bundler cannot build a consumer of the package: ${error.message}`);
  return undefined;
});
if (result) {
  const inputs = Object.keys(result.metafile.inputs);
  const fromPackage = inputs.filter((path) => path.includes('node_modules/akhbar/'));
  const litCopies = new Set(
    inputs
      .filter((path) => /\/lit-element\.js$/.test(path))
      .map((path) => path.replace(/node_modules\/lit-element\/.*/, '')),
  );
  if (fromPackage.some((path) => /node_modules\/akhbar\/dist\/cdn\//.test(path)))
    problems.push('the npm entries import the CDN bundles (Lit twice)');
  if (litCopies.size !== 1) problems.push(`the consumer's bundle holds ${litCopies.size} copies of Lit`);
  if (!fromPackage.some((path) => path.endsWith('dist/news-ticker.js')))
    problems.push('the consumer did not get the npm build of the ticker');
}

if (problems.length > 0) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Package: ${files.size} files, ${(packed.size / 1000).toFixed(1)} kB packed; every export resolves, ` +
    `a strict TypeScript consumer checks, and its bundle holds one Lit.`,
);
