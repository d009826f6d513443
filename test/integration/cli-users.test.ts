// The real compiled `helpline` CLI managing users against a real server: generated passwords,
// logging in as the new user, roles enforced by the server, disabling and enabling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import type { ResponseOf } from '../../protocol/api/route.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('helpline users', () => {
  let server: TestServer;
  let dir: string;
  /** Runs the CLI as one person: each has their own config file. */
  const as =
    (person: string) =>
    (...args: string[]): Promise<CliResult> =>
      runCli('helpline', args, { HELPLINE_CONFIG: join(dir, person, 'cli.json') });
  const admin = as('admin');
  const login = (person: string, password: string) =>
    as(person)('login', '--server', server.url, '--user', person, '--password', password);

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-'));
    expect((await login('admin', ADMIN_PASSWORD)).code).toBe(0);
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a user with a generated password, shown once, that the user can log in with', async () => {
    const added = await admin('users', 'add', 'bob', '--role', 'technician', '--line', '2');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added bob (technician, line 2).');
    const lines = added.stdout.trim().split('\n');
    expect(lines.at(-2)).toContain('Generated password (shown once');
    const password = lines.at(-1)!;
    expect(password).toMatch(/^\S{10,}$/);

    const bob = await login('bob', password);
    expect(bob.code).toBe(0);
    expect(bob.stdout).toContain('as bob (technician, line 2)');
    expect((await as('bob')('whoami')).stdout).toBe(`bob (technician, line 2) on ${server.url}\n`);
  });

  it('does not print a password it was given, and --json gives the API response', async () => {
    const added = await admin('users', 'add', 'erin', '--role', 'admin', '--password', 'erins-own-password', '--json');
    expect(added.code).toBe(0);
    const body = JSON.parse(added.stdout) as ResponseOf<typeof API.users.add>;
    expect(body).toEqual({
      user: expect.objectContaining({ name: 'erin', role: 'admin', line: null, disabled: false }),
    });
    expect((await login('erin', 'erins-own-password')).code).toBe(0);
  });

  it("gives a viewer the server's clear 403 message for token create", async () => {
    await admin('users', 'add', 'vera', '--role', 'viewer', '--password', 'vera-password-1');
    expect((await login('vera', 'vera-password-1')).code).toBe(0);
    const refused = await as('vera')('token', 'create');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim()).toBe('helpline: this needs the role admin; you are viewer (forbidden)');
    const devices = await as('vera')('devices', 'list', '--json');
    expect(devices).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('disables a user, ending their sessions, and enables them again', async () => {
    await admin('users', 'add', 'dan', '--role', 'technician', '--password', 'dan-password-1');
    expect((await login('dan', 'dan-password-1')).code).toBe(0);

    const disabled = await admin('users', 'disable', 'dan');
    expect(disabled).toMatchObject({ code: 0, stdout: 'Disabled dan; their sessions have ended.\n' });
    const listed = JSON.parse((await admin('users', 'list', '--json')).stdout) as ResponseOf<typeof API.users.list>;
    expect(listed.find((user) => user.name === 'dan')).toMatchObject({ disabled: true });
    expect((await admin('users', 'list')).stdout).toMatch(/^dan\s+technician\s+1\s+disabled\s/m);
    const dan = await as('dan')('whoami');
    expect(dan.code).toBe(1);
    expect(dan.stderr).toContain('is no longer valid');
    expect((await login('dan', 'dan-password-1')).stderr).toContain('wrong user name or password');

    expect((await admin('users', 'enable', 'dan')).stdout).toBe('Enabled dan.\n');
    expect((await login('dan', 'dan-password-1')).code).toBe(0);
  });

  it('says what was wrong with a user to add', async () => {
    const taken = await admin('users', 'add', 'bob', '--role', 'viewer');
    expect(taken).toMatchObject({ code: 1, stderr: 'helpline: user bob already exists (conflict)\n' });
    const badRole = await admin('users', 'add', 'zed', '--role', 'root');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Invalid values:');
    expect(badRole.stderr).toContain('Given: "root", Choices: "admin", "technician", "viewer"');
    const lineForViewer = await admin('users', 'add', 'zed', '--role', 'viewer', '--line', '2');
    expect(lineForViewer).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--line is only for --role technician'),
    });
    expect((await admin('users', 'list', '--json')).stdout).not.toContain('"zed"');
  });
});
