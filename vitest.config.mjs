// A JavaScript file, loaded natively (`--configLoader native`): bundling a TypeScript config writes a
// temp file into node_modules, which makes npm's hidden lockfile stale and `npx helpline` slow.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Kept out of node_modules for the same reason.
  cacheDir: '.cache/vitest',
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and agents; two cores, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
