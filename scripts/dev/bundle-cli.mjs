// Bundles the two command-line programs (helpline, helpline-agent) from tsc's output into
// dist/bundle/, which bin/helpline.js and bin/helpline-agent.js run. Loading a module costs about
// the same however small it is, and typebox alone is some 700 files: `helpline devices list` or
// `helpline-agent status` spent most of their time opening them. The bundle keeps each command
// module its own chunk (loaded when its command runs, as in dist/) and inlines our code and
// typebox; every other package stays in node_modules as it is (yargs finds its translations there,
// native modules their binaries).
import { rmSync } from 'node:fs';
import { rolldown } from 'rolldown';

const OUT_DIR = 'dist/bundle';
/** Packages inlined into the bundle: pure JavaScript, many files, no files of their own to find at run time. */
const INLINED = /^typebox(\/|$)/;
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

rmSync(OUT_DIR, { recursive: true, force: true });
const bundle = await rolldown({
  input: { helpline: 'dist/console/cli/main.js', 'helpline-agent': 'dist/agent/main.js' },
  platform: 'node',
  external: (id) => isPackage(id) && !INLINED.test(id),
});
try {
  await bundle.write({
    dir: OUT_DIR,
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: 'chunks/[name]-[hash].mjs',
    sourcemap: true,
  });
} finally {
  await bundle.close();
}
