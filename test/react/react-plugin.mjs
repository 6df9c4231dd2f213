// Web Test Runner plugin: React in the browser, for test/react/react.test.ts and the README's
// React snippets (test/readme.test.ts).
// - React is published as CommonJS only, which a browser cannot import. esbuild bundles it once
//   into one ES module; `react`, `react-dom`, `react-dom/client` and `react/jsx-runtime` are served as thin
//   modules re-exporting from that bundle, so the page holds a single copy of React.
// - /__react/readme/<n>.js is the n-th ```tsx block of README.md, compiled (automatic JSX
//   runtime), with the package's own specifiers (`akhbar`, `akhbar/elements`…) pointing at src/.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SPECIFIERS = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];
const PREFIX = '/__react/';
const fileOf = (specifier) => `${specifier.replace(/\//g, '__')}.js`;

/** The package's entries (package.json `exports`), as the source files the test server serves. */
const PACKAGE_ENTRIES = {
  akhbar: '/src/index.ts',
  'akhbar/elements': '/src/elements.ts',
  'akhbar/news-ticker': '/src/ticker.ts',
  'akhbar/news-article': '/src/define-article.ts',
  'akhbar/article-section': '/src/define-section.ts',
};

/** The ```tsx blocks of README.md, in order. */
async function readmeSnippets() {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^```tsx[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}

/**
 * The named exports of a CommonJS module, as JavaScript identifiers. Read from React's
 * production build: the development one reaches for the console as it loads, which the
 * test runner's console does not take.
 */
function namesOf(specifier) {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return Object.keys(require(specifier)).filter(
      (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
    );
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

export function reactPlugin() {
  let bundle;
  return {
    name: 'react-esm',
    resolveImport({ source, context }) {
      if (SPECIFIERS.includes(source)) return PREFIX + fileOf(source);
      if (context.path.startsWith(`${PREFIX}readme/`) && PACKAGE_ENTRIES[source])
        return PACKAGE_ENTRIES[source];
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      const snippet = /^readme\/(\d+)\.js$/.exec(file);
      if (snippet) {
        const source = (await readmeSnippets())[Number(snippet[1])];
        if (source === undefined) return undefined;
        const { code } = await transform(source, { loader: 'tsx', jsx: 'automatic', format: 'esm' });
        return { body: code, type: 'js' };
      }
      if (file === 'bundle.js') {
        bundle ??= build({
          stdin: {
            contents: SPECIFIERS.map((specifier, index) => `export * as m${index} from '${specifier}';`).join(
              '\n',
            ),
            resolveDir: process.cwd(),
          },
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const index = SPECIFIERS.findIndex((specifier) => fileOf(specifier) === file);
      if (index < 0) return undefined;
      const names = namesOf(SPECIFIERS[index]);
      return {
        body: [
          `import { m${index} as m } from './bundle.js';`,
          `export default m.default ?? m;`,
          `export const { ${names.join(', ')} } = m;`,
        ].join('\n'),
        type: 'js',
      };
    },
  };
}
