// Builds the web console (console/web) into dist/web, which the server serves at `/`.
// JSX is compiled for Preact by vite's own transformer (oxc); no framework plugin is needed.
// JavaScript loaded natively (`--configLoader native`), and its cache outside node_modules: a bundled
// config or a cache there would make npm's hidden lockfile stale and `npx helpline` slow.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'vite';

/**
 * Writes a .br and a .gz beside every script, stylesheet and SVG, compressed once at build time at
 * the highest levels: the server sends them to browsers that accept them (@fastify/static's
 * preCompressed) and never compresses on the fly.
 */
function precompress() {
  return {
    name: 'helpline-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const path = join(options.dir, file);
        const content = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  cacheDir: fileURLToPath(new URL('../../.cache/vite', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [precompress()],
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
