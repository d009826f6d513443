// The real compiled `helpline` CLI on its own: help for every command, and command-line mistakes
// that are refused with a clear message and exit status 2 before any server is asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { HELPLINE_VERSION } from '../../protocol/version.js';

const USAGE_HINT = "run 'helpline --help' or 'helpline COMMAND --help' for usage";

describe('helpline command line', () => {
  let dir: string;
  const helpline = (...args: string[]): Promise<CliResult> =>
    runCli('helpline', args, { HELPLINE_CONFIG: join(dir, 'cli.json') });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every command group in the top-level help', async () => {
    const help = await helpline('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const command of ['login', 'logout', 'whoami', 'token', 'device', 'users', 'audit'])
      expect(help.stdout).toMatch(new RegExp(`helpline ${command}\\s`));
    expect(help.stdout).toContain('--server');
    expect(help.stdout).toContain('Exit status');
    expect((await helpline('--version')).stdout.trim()).toBe(HELPLINE_VERSION);
  });

  it.each([
    [['token'], ['helpline token create', 'helpline token list', 'helpline token revoke <id>']],
    [
      ['devices'],
      [
        'helpline devices list',
        'helpline devices show <id>',
        'helpline devices approve <id>',
        'helpline devices revoke <id>',
      ],
    ],
    [['device'], ['helpline device show <id>']],
    [
      ['users'],
      [
        'helpline users add <name>',
        'helpline users list',
        'helpline users disable <name>',
        'helpline users enable <name>',
      ],
    ],
    [['audit'], ['helpline audit list', 'helpline audit verify']],
  ])('shows the subcommands of %j with --help', async (group, expected) => {
    const help = await helpline(...group, '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const line of expected) expect(help.stdout).toContain(line);
  });

  it.each([
    [['login'], ['--user', '--password', '--server']],
    [['logout'], ['end the session']],
    [['whoami'], ['--json']],
    [
      ['token', 'create'],
      ['--group', '--ttl', '--uses', '--approval', '--json'],
    ],
    [['token', 'revoke'], ['tok_']],
    [['devices', 'list'], ['--json']],
    [['device', 'revoke'], ['--reason']],
    [
      ['users', 'add'],
      ['--role', '--line', '--password', 'admin', 'technician', 'viewer'],
    ],
    [
      ['audit', 'list'],
      ['--action', '--limit'],
    ],
    [['audit', 'verify'], ['exit status 1']],
  ])('describes the options of %j with --help', async (command, expected) => {
    const help = await helpline(...command, '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const text of expected) expect(help.stdout).toContain(text);
  });

  it('refuses an unknown command and suggests the right one', async () => {
    const unknown = await helpline('frobnicate');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('helpline: Unknown argument: frobnicate');
    expect(unknown.stderr).toContain(USAGE_HINT);
    expect((await helpline('devices', 'lsit')).stderr).toContain('helpline: unknown command; did you mean list?');
    expect((await helpline('token', 'create', '--colour', 'red')).stderr).toContain(
      'helpline: Unknown argument: colour',
    );
  });

  it('asks for a command when none or only a group is given', async () => {
    expect(await helpline()).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('name a command: login, logout, whoami'),
    });
    expect(await helpline('audit')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('name an audit command: list or verify'),
    });
  });

  it('names a missing required flag or argument', async () => {
    const noUser = await helpline('login', '--server', 'http://127.0.0.1', '--password', 'x');
    expect(noUser).toMatchObject({ code: 2, stderr: expect.stringContaining('Missing required argument: user') });
    const noRole = await helpline('users', 'add', 'bob');
    expect(noRole).toMatchObject({ code: 2, stderr: expect.stringContaining('Missing required argument: role') });
    const noId = await helpline('device', 'approve');
    expect(noId).toMatchObject({ code: 2, stderr: expect.stringContaining('Not enough non-option arguments') });
    const noServer = await helpline('login', '--user', 'admin', '--password', 'x');
    expect(noServer).toMatchObject({ code: 2, stderr: expect.stringContaining('which server? give --server URL') });
  });

  it('refuses a bad --ttl, --uses or --limit with what was wrong', async () => {
    const ttl = await helpline('token', 'create', '--ttl', 'soon');
    expect(ttl).toMatchObject({ code: 2, stdout: '' });
    expect(ttl.stderr).toContain('helpline: --ttl takes a duration like 30m, 12h or 7d, not "soon"');
    expect((await helpline('token', 'create', '--ttl', '91d')).stderr).toContain(
      '--ttl must be between 60s and 90d, not 91d',
    );
    expect((await helpline('token', 'create', '--uses', 'many')).stderr).toContain(
      '--uses takes a whole number of 1 or more, not "many"',
    );
    expect((await helpline('audit', 'list', '--limit', '5000')).stderr).toContain('--limit takes 1 to 1000, not 5000');
  });
});
