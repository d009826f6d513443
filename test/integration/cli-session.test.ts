// The real compiled `helpline` CLI (bin/helpline.js, from dist/) against a real server: login,
// the config file it writes, whoami, logout, and the errors a technician sees.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const LOGIN_HINT = 'not logged in; run `helpline login --server URL --user NAME --password P`';

function helpline(configPath: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return runCli('helpline', args, { HELPLINE_CONFIG: configPath, ...extraEnv });
}

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return `http://127.0.0.1:${port}`;
}

describe('helpline login, whoami and logout', () => {
  let server: TestServer;
  let dir: string;
  /** Each test has its own config file, as if on its own PC. */
  const pc = (name: string) => {
    const configPath = join(dir, name, 'cli.json');
    return {
      configPath,
      run: (...args: string[]) => helpline(configPath, args),
      runWith: (env: Record<string, string>, ...args: string[]) => helpline(configPath, args, env),
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-'));
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the token in a file only its owner can read, and whoami uses it', async () => {
    const { configPath, run } = pc('owner-only');
    const login = await run('login', '--server', `${server.url}/`, '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect(login).toMatchObject({ code: 0, stderr: '' });
    expect(login.stdout).toContain(`Logged in to ${server.url} as admin (admin)`);
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(configPath)).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(readFileSync(configPath, 'utf8')) as { server: string; token: string; user: string };
    expect(stored).toMatchObject({ server: server.url, user: 'admin' });
    expect(await server.client(stored.token).call(API.auth.me)).toMatchObject({ name: 'admin' });

    const whoami = await run('whoami', '--json');
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ name: 'admin', role: 'admin', disabled: false });
    expect((await run('whoami')).stdout).toBe(`admin (admin) on ${server.url}\n`);
  });

  it("refuses a wrong password with the server's message and writes nothing", async () => {
    const { configPath, run } = pc('wrong-password');
    const login = await run('login', '--server', server.url, '--user', 'admin', '--password', 'not-the-password');
    expect(login.code).toBe(1);
    expect(login.stderr).toContain('helpline: wrong user name or password (invalid_credentials)');
    expect(login.stdout).toBe('');
    expect(() => statSync(configPath)).toThrow();
  });

  it('tells a user who has not logged in how to log in', async () => {
    const { run } = pc('never-logged-in');
    for (const args of [['devices', 'list'], ['whoami'], ['token', 'list', '--server', server.url]]) {
      const result = await run(...args);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`helpline: ${LOGIN_HINT}`);
    }
  });

  it('logout ends the session on the server and forgets the token', async () => {
    const { configPath, run } = pc('logout');
    await run('login', '--server', server.url, '--user', 'admin', '--password', ADMIN_PASSWORD);
    const { token } = JSON.parse(readFileSync(configPath, 'utf8')) as { token: string };
    const logout = await run('logout');
    expect(logout).toMatchObject({ code: 0, stdout: `Logged out admin from ${server.url}.\n` });
    expect(JSON.parse(readFileSync(configPath, 'utf8'))).toEqual({ server: server.url, token: null, user: 'admin' });
    await expect(server.client(token).call(API.auth.me)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await run('whoami')).stderr).toContain(LOGIN_HINT);
  });

  it('says the login is no longer valid when the server revoked the token', async () => {
    const { configPath, run } = pc('revoked');
    await run('login', '--server', server.url, '--user', 'admin', '--password', ADMIN_PASSWORD);
    const { token } = JSON.parse(readFileSync(configPath, 'utf8')) as { token: string };
    await server.client(token).call(API.auth.logout);
    const whoami = await run('whoami');
    expect(whoami.code).toBe(1);
    expect(whoami.stderr).toContain(`your login on ${server.url} is no longer valid`);
    expect(whoami.stderr).toContain('helpline login --server URL');
  });

  it('takes the server and token from HELPLINE_SERVER and HELPLINE_TOKEN when there is no config file', async () => {
    const { configPath, runWith } = pc('from-environment');
    const env = { HELPLINE_SERVER: server.url, HELPLINE_TOKEN: server.adminToken };
    const whoami = await runWith(env, 'whoami');
    expect(whoami).toMatchObject({ code: 0, stdout: `admin (admin) on ${server.url}\n` });
    expect(() => statSync(configPath)).toThrow();
    const overridden = await runWith({ ...env, HELPLINE_SERVER: 'not a url' }, 'whoami', '--server', server.url);
    expect(overridden.code).toBe(0);
  });

  it('names the server it cannot reach', async () => {
    const { run } = pc('unreachable');
    const url = await closedPortUrl();
    const result = await run('login', '--server', url, '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`helpline: cannot reach the server at ${url}: `);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('refuses a --server that is not an http(s) URL, and a damaged config file', async () => {
    const { configPath, run } = pc('damaged');
    const bad = await run('login', '--server', 'ftp://example.com', '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--server must be an http:// or https:// URL, not "ftp://example.com"');

    await run('login', '--server', server.url, '--user', 'admin', '--password', ADMIN_PASSWORD);
    writeFileSync(configPath, '{"server": ');
    const damaged = await run('whoami');
    expect(damaged.code).not.toBe(0);
    expect(damaged.stderr).toContain(`${configPath} is not valid JSON`);
  });
});
