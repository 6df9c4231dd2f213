import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { minifyLitTemplates } from './scripts/minify-templates.mjs';
import { liveFeed } from './demo/live-feed.mjs';

// One config, one output per mode (Vite cannot emit a library and an HTML app in one run):
//   demo         the demo site (dev server for `npm start`, static build in dist/demo)
//   cdn-module   dist/cdn/akhbar.js: every element, Lit bundled, lazy chunks for feeds/markdown/sanitizer
//   cdn-iife     dist/cdn/akhbar.iife.js: the same for a classic <script>
//   cdn-ticker   dist/cdn/news-ticker.js: the ticker alone
const cdn = (entry: string, fileName: string, format: 'es' | 'iife'): UserConfig => ({
  // Lit's css`` and html`` text is a string to the minifier: shorten it before (see the plugin).
  plugins: [minifyLitTemplates()],
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    copyPublicDir: false,
    lib: { entry, formats: [format], fileName: () => fileName, name: 'akhbar' },
    rollupOptions: {
      // Let the entry hold what it shares with its lazy chunks (Lit, helpers), so
      // the first load is one file and the markdown chunk only adds marked.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Vite keeps whitespace in ES libraries; a CDN file should be fully minified.
        minify: true,
        // The lazy chunks: feeds (data/parse.ts: every format but the own one), markdown,
        // html (the sanitizer). The IIFE build inlines them (Vite turns code splitting off for it).
        chunkFileNames: (chunk) => `chunks/${chunk.name === 'parse' ? 'feeds' : '[name]'}-[hash].js`,
      },
    },
  },
});

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'cdn-module':
      return cdn('src/index.ts', 'akhbar.js', 'es');
    case 'cdn-iife':
      return cdn('src/index.ts', 'akhbar.iife.js', 'iife');
    case 'cdn-ticker':
      return cdn('src/ticker.ts', 'news-ticker.js', 'es');
    default:
      return {
        root: 'demo',
        base: './',
        // Several pages, no client-side router: a missing file is a 404, as on a static host.
        appType: 'mpa',
        publicDir: false,
        server: { port: 5173, fs: { allow: ['..'] } },
        // The live page's feed changes every ten seconds (demo/live-feed.mjs).
        plugins: [
          {
            name: 'akhbar-live-feed',
            configureServer: (server) => void server.middlewares.use(liveFeed),
            configurePreviewServer: (server) => void server.middlewares.use(liveFeed),
          },
        ],
        build: {
          outDir: '../dist/demo',
          emptyOutDir: true,
          target: 'es2022',
          // The news page, the playground (with the embed-code builder), the states, live updates.
          rollupOptions: {
            input: Object.fromEntries(
              ['index', 'playground', 'gallery', 'live'].map((page) => [
                page,
                fileURLToPath(new URL(`demo/${page}.html`, import.meta.url)),
              ]),
            ),
          },
        },
      };
  }
});
