// Builds the web console (console/web) into dist/web, which the server serves at `/`.
// JSX is compiled for Preact by vite's own transformer (oxc); no framework plugin is needed.
// JavaScript loaded natively (`--configLoader native`), and its cache outside node_modules: a bundled
// config or a cache there would make npm's hidden lockfile stale and `npx helpline` slow.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  cacheDir: fileURLToPath(new URL('../../.cache/vite', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Everything is a file of its own origin: the server's CSP allows no inline script, style or data: fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
});
