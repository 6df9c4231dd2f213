import { defineConfig, type UserConfig } from 'vite';

// One config, one output per mode (Vite cannot emit a library and an HTML app in one run):
//   demo         the demo site (dev server for `npm start`, static build in dist/demo)
//   cdn-module   dist/cdn/akhbar.js: every element, Lit bundled, lazy chunks for markdown/sanitizer
//   cdn-iife     dist/cdn/akhbar.iife.js: the same for a classic <script>
//   cdn-ticker   dist/cdn/news-ticker.js: the ticker alone
const cdn = (entry: string, fileName: string, format: 'es' | 'iife'): UserConfig => ({
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
        chunkFileNames: 'chunks/[name]-[hash].js',
        ...(format === 'iife' ? { inlineDynamicImports: true } : {}),
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
        publicDir: false,
        server: { port: 5173, fs: { allow: ['..'] } },
        build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
      };
  }
});
