// helpline-server and helpline-agent as people run them: real processes, real files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../protocol/api/client.js';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, startCli } from '../helpers/run-cli.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const exited = (child: import('node:child_process').ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', resolve));

describe('helpline-server', () => {
  it('init makes the data directory with private keys and prints a generated admin password once', async () => {
    const dir = join(temp('helpline-init-'), 'data');
    const result = await runCli('helpline-server', ['init', '--data', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/admin user: admin {2}password: \S{20}/);
    for (const key of ['keys/channel.key', 'keys/job-signing.key'])
      expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
    const again = await runCli('helpline-server', ['init', '--data', dir]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already initialised');
  });

  it('starts, serves, and shuts down cleanly on SIGTERM', async () => {
    const dir = join(temp('helpline-start-'), 'data');
    await runCli('helpline-server', ['init', '--data', dir, '--admin-password', 'long-enough-password']);
    const server = await startCli(
      'helpline-server',
      ['start', '--data', dir, '--port', '0', '--log-level', 'warn'],
      /listening on (http:\/\/\S+)/,
    );
    const health = await createApiClient({ server: server.match[1]! }).call(API.health.liveness);
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
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    await runCli('helpline-server', ['init', '--data', join(dir, 'data'), '--admin-password', 'long-enough-password']);
    const server = await startCli(
      'helpline-server',
      [
        'start',
        '--data',
        join(dir, 'data'),
        '--port',
        '0',
        '--log-level',
        'warn',
        '--tls-cert',
        cert,
        '--tls-key',
        key,
      ],
      /listening on (https:\/\/\S+)/,
    );
    const ca = readFileSync(cert);
    let agent: Awaited<ReturnType<typeof startCli>> | null = null;
    try {
      const url = server.match[1]!;
      const anonymous = createApiClient({ server: url, fetch: fetchTrusting(ca) });
      const login = await anonymous.call(API.auth.login, { body: { user: 'admin', password: 'long-enough-password' } });
      const admin = createApiClient({ server: url, token: login.token, fetch: fetchTrusting(ca) });
      const created = await admin.call(API.enrollment.createToken, { body: {} });
      const stateDir = join(dir, 'agent');
      const enrolled = await runCli('helpline-agent', [
        'enroll',
        '--token',
        created.token,
        '--state',
        stateDir,
        '--ca',
        cert,
        '--json',
      ]);
      expect(enrolled.code).toBe(0);
      const deviceId = (JSON.parse(enrolled.stdout) as { deviceId: string }).deviceId;
      agent = await startCli(
        'helpline-agent',
        ['run', '--state', stateDir, '--log-level', 'info'],
        /"msg":"connected"/,
      );
      const devices = await admin.call(API.devices.list);
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
    const badToken = await runCli('helpline-agent', [
      'enroll',
      '--token',
      'hl1_garbage',
      '--state',
      temp('helpline-agent-bad-'),
    ]);
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toContain('damaged');
    const notEnrolled = await runCli('helpline-agent', ['run', '--state', temp('helpline-agent-none-')]);
    expect(notEnrolled.code).toBe(2);
    expect(notEnrolled.stderr).toContain('helpline-agent enroll');
    const badInterval = await runCli('helpline-agent', [
      'run',
      '--state',
      temp('helpline-agent-none-'),
      '--heartbeat-interval',
      'often',
    ]);
    expect(badInterval.stderr).toContain('--heartbeat-interval');
  });
});

/** fetch over node:https trusting one CA, for the typed client: Node's fetch takes no CA per call. */
function fetchTrusting(ca: Buffer): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init?.headers));
      const url = input instanceof Request ? input.url : String(input);
      const req = request(url, { method: init?.method ?? 'GET', ca, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') answer.set(name, value);
          }
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: answer }));
        });
      });
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
}
