// The manifest says, for each top-level command, what its module registers: `helpline --help` and
// "did you mean" are made from the manifest without loading the modules, so an entry that drifted
// from its module would show the technician a stale name or description.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type RegisterCommands } from '../../console/cli/command-manifest.js';
import { createCliContext } from '../../console/cli/context.js';
import { recordCommands } from '../../console/cli/lazy-commands.js';
import type { CliIo } from '../../console/cli/output.js';

const COMMANDS_DIR = fileURLToPath(new URL('../../console/cli/commands/', import.meta.url));
const io: CliIo = { out: () => undefined, err: () => undefined, exit: () => undefined };
const env = { HELPLINE_CONFIG: '/nonexistent/cli.json' };

/** Every registerXCommands exported by a file of console/cli/commands. */
async function exportedRegisterFunctions(): Promise<Array<{ file: string; register: RegisterCommands }>> {
  const found: Array<{ file: string; register: RegisterCommands }> = [];
  for (const file of readdirSync(COMMANDS_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(`${COMMANDS_DIR}${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (/^register\w+Commands?$/.test(name) && typeof value === 'function')
        found.push({ file, register: value as RegisterCommands });
    }
  }
  return found;
}

describe('the command manifest', () => {
  it('lists every top-level command of every module, in order, as the module registers it', async () => {
    const ctx = createCliContext(env, io);
    const registers: RegisterCommands[] = [];
    for (const entry of COMMANDS) {
      const register = await entry.load();
      if (!registers.includes(register)) registers.push(register);
    }
    const fromModules = registers.flatMap((register) =>
      recordCommands(register, ctx).map((command) => ({
        command: command.command,
        description: command.description,
        kind: command.handler === undefined ? 'group' : 'command',
      })),
    );
    const fromManifest = COMMANDS.map(({ command, description, kind }) => ({ command, description, kind }));
    expect(fromManifest).toEqual(fromModules);
  });

  it('leaves out no module of console/cli/commands', async () => {
    const loaded = await Promise.all(COMMANDS.map((entry) => entry.load()));
    const missing = (await exportedRegisterFunctions()).filter(({ register }) => !loaded.includes(register));
    expect(missing.map(({ file, register }) => `${file}: ${register.name}`)).toEqual([]);
  });
});
