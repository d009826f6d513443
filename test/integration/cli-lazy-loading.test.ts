// What the command-line programs load to run one command: every module costs start-up time, so
// `helpline --help` loads no command module, `helpline devices list` only the devices one, and
// `helpline-agent status` none of the agent runtime. A module-resolution hook in the child
// writes down every module it loads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The technicians' CLI as tsc built it, one file per module (the bin runs a bundle of it). */
const CLI_MAIN = join(ROOT, 'dist/console/cli/main.js');

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LOADED_MODULES_FILE, resolved.url + '\\n');
  return resolved;
}`;
const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);`;

describe('what a command loads', () => {
  let dir: string;
  let runs = 0;

  /** The modules (file URLs relative to the checkout, or package names) one run loads. */
  const loadedBy = (entry: string, args: string[]): string[] => {
    const list = join(dir, `loaded-${++runs}.txt`);
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      HELPLINE_CONFIG: join(dir, 'cli.json'),
      LOADED_MODULES_FILE: list,
    };
    spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), entry, ...args], { env, timeout: 60_000 });
    if (!existsSync(list)) throw new Error(`${entry} ${args.join(' ')} loaded nothing (did it start?)`);
    const urls = readFileSync(list, 'utf8').trim().split('\n');
    const packageOf = (url: string) => /\/node_modules\/((@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    return [...new Set(urls.map((url) => packageOf(url) ?? url.replace(`file://${ROOT}`, '')))];
  };
  const commandModules = (loaded: string[]) =>
    loaded.filter((module) => module.startsWith('dist/console/cli/commands/'));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-lazy-'));
    writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('helpline --help loads no command module and no route table', () => {
    const loaded = loadedBy(CLI_MAIN, ['--help']);
    expect(loaded).toContain('yargs');
    expect(commandModules(loaded)).toEqual([]);
    expect(loaded).not.toContain('typebox');
  });

  it('helpline devices list loads the devices modules only', () => {
    // Not signed in: the command fails after its module is loaded, before any request.
    const loaded = loadedBy(CLI_MAIN, ['devices', 'list']);
    expect(commandModules(loaded).sort()).toEqual([
      'dist/console/cli/commands/device-fleet.js',
      'dist/console/cli/commands/devices.js',
      'dist/console/cli/commands/inventory.js',
    ]);
  });

  it('helpline-agent status loads none of the agent runtime', () => {
    const loaded = loadedBy(binPath('helpline-agent'), ['status', '--state', join(dir, 'no-agent')]);
    expect(loaded).toContain('yargs');
    for (const runtime of ['systeminformation', 'node-pty', 'better-sqlite3', 'ws', 'pino'])
      expect(loaded).not.toContain(runtime);
  });
});
