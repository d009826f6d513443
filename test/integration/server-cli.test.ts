// helpline-server and helpline-agent as people run them: real processes, real files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postJson } from '../../agent/http.js';
import { runCli, startCli } from '../helpers/run-cli.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const exited = (child: import('node:child_process').ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', resolve));

describe('helpline-server', () => {
  it('init makes the data directory with private keys and prints a generated admin password once', async () => {
    const dir = join(temp('helpline-init-'), 'data');
    const result = await runCli('helpline-server', ['init', '--data', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/admin user: admin {2}password: \S{20}/);
    for (const key of ['keys/channel.key', 'keys/job-signing.key']) expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
    const again = await runCli('helpline-server', ['init', '--data', dir]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already initialised');
  });

  it('starts, serves, and shuts down cleanly on SIGTERM', async () => {
    const dir = join(temp('helpline-start-'), 'data');
    await runCli('helpline-server', ['init', '--data', dir, '--admin-password', 'long-enough-password']);
    const server = await startCli('helpline-server', ['start', '--data', dir, '--port', '0', '--log-level', 'warn'], /listening on (http:\/\/\S+)/);
    const health = (await (await fetch(`${server.match[1]}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const exit = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(server.output()).toContain('SIGTERM received; shutting down');
  });

  it('refuses bad flags and a broken config file with a clear message', async () => {
    const dir = join(temp('helpline-bad-'), 'data');
    await runCli('helpline-server', ['init', '--data', dir, '--admin-password', 'long-enough-password']);
    const badPort = await runCli('helpline-server', ['start', '--data', dir, '--port', '99999']);
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr).toContain('port');
    const unknown = await runCli('helpline-server', ['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown argument|unknown/i);
    writeFileSync(join(dir, 'server.json'), '{ "port": ');
    const broken = await runCli('helpline-server', ['start', '--data', dir]);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('server.json is not valid JSON');
    const missing = await runCli('helpline-server', ['start', '--data', join(dir, 'nowhere')]);
    expect(missing.stderr).toContain('helpline-server init');
  });

  it('serves HTTPS and wss with --tls-cert and --tls-key, and an agent trusting that CA connects', async () => {
    const dir = temp('helpline-tls-');
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    await runCli('helpline-server', ['init', '--data', join(dir, 'data'), '--admin-password', 'long-enough-password']);
    const server = await startCli('helpline-server', ['start', '--data', join(dir, 'data'), '--port', '0', '--log-level', 'warn', '--tls-cert', cert, '--tls-key', key], /listening on (https:\/\/\S+)/);
    const ca = readFileSync(cert);
    let agent: Awaited<ReturnType<typeof startCli>> | null = null;
    try {
      const url = server.match[1]!;
      const login = await postJson(`${url}/api/auth/login`, { user: 'admin', password: 'long-enough-password' }, { ca });
      const adminToken = (login.body as { token: string }).token;
      const created = await postJsonAuthed(`${url}/api/enrollment-tokens`, adminToken, ca);
      const stateDir = join(dir, 'agent');
      const enrolled = await runCli('helpline-agent', ['enroll', '--token', created.token, '--state', stateDir, '--ca', cert, '--json']);
      expect(enrolled.code).toBe(0);
      const deviceId = (JSON.parse(enrolled.stdout) as { deviceId: string }).deviceId;
      agent = await startCli('helpline-agent', ['run', '--state', stateDir, '--log-level', 'info'], /"msg":"connected"/);
      const devices = JSON.parse(await httpsGet(`${url}/api/devices`, adminToken, ca)) as Array<{ id: string; online: boolean }>;
      expect(devices).toEqual([expect.objectContaining({ id: deviceId, online: true })]);
    } finally {
      agent?.child.kill('SIGTERM');
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });
});

describe('helpline-agent', () => {
  it('explains a damaged token and a missing enrollment, exiting non-zero', async () => {
    const badToken = await runCli('helpline-agent', ['enroll', '--token', 'hl1_garbage', '--state', temp('helpline-agent-bad-')]);
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toContain('damaged');
    const notEnrolled = await runCli('helpline-agent', ['run', '--state', temp('helpline-agent-none-')]);
    expect(notEnrolled.code).toBe(2);
    expect(notEnrolled.stderr).toContain('helpline-agent enroll');
    const badInterval = await runCli('helpline-agent', ['run', '--state', temp('helpline-agent-none-'), '--heartbeat-interval', 'often']);
    expect(badInterval.stderr).toContain('--heartbeat-interval');
  });
});

async function postJsonAuthed(url: string, token: string, ca: Buffer): Promise<{ token: string }> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text) as { token: string }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

async function httpsGet(url: string, token: string, ca: Buffer): Promise<string> {
  const { get } = await import('node:https');
  return new Promise((resolve, reject) => {
    get(url, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}
