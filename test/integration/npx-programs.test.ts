// The README promises `npx helpline`, `npx helpline-server` and `npx helpline-agent` in a clone
// after `npm install`; this runs them exactly so.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// npm 11 runs a package's own bin by first installing the package into its npx cache, which in a
// fresh clone reads the whole dependency tree: about a minute of npm's time on this machine, once.
const FIRST_NPX_MS = 150_000;

function npx(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['--no-install', ...args], { cwd: ROOT, timeout: FIRST_NPX_MS }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

describe('the three programs through npx', () => {
  it.each([
    ['helpline', 'Work with a Helpline server'],
    ['helpline-server', 'helpline-server <command>'],
    ['helpline-agent', 'helpline-agent <command>'],
  ])(
    'npx %s --help prints its usage',
    async (program, expected) => {
      const result = await npx([program, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(expected);
    },
    FIRST_NPX_MS + 10_000,
  );
});
