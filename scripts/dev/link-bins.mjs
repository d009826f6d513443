// Links this package's own programs into node_modules/.bin, so that `npx helpline …` finds them
// in a fresh clone. npm links the bins of dependencies but not of the root package itself, and
// `npx helpline` (the bin named like the package) is not found without this.
import { readFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const binDir = join('node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(pkg.bin ?? {})) {
  const link = join(binDir, name);
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, target), link);
}
