// The real compiled `helpline` CLI with remote shells, on a real server with a real enrolled agent
// and real pseudo-terminals: --exec (output, exit status), devices by name, refusals passed on as
// the server words them, the interactive shell in a terminal (node-pty stands in for the
// technician's), and the recordings: listed, and played back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { answerConsent, pendingConsents } from '../../agent/shell/consent.js';
import { API } from '../../protocol/api/routes/index.js';
import { API_SOCKETS } from '../../protocol/api/routes/sockets.js';
import { DEFAULT_SHELL_POLICY, type RecordingView } from '../../protocol/api/shell.js';
import { binPath, signedInCli } from '../helpers/run-cli.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('helpline shell and recordings', () => {
  let server: TestServer;
  let agent: TestAgent;
  let deviceName: string;
  let deviceGroup: string;
  let dir: string;
  const tokens: Record<string, string> = {};
  const { as, envFor } = signedInCli(() => ({ url: server.url, dir, tokens }), 60_000);
  const admin = as('admin');
  const tom = as('tom');
  const vera = as('vera');
  const recordings = () => server.client().call(API.recordings.list);
  /** The recording of the session that ran `exec`, once the server has finished it. */
  const endedRecording = async (exec: string): Promise<RecordingView> => {
    await eventually(
      async () => (await recordings()).some((r) => r.exec === exec && r.endedAt !== null),
      10_000,
      `the recording of ${exec}`,
    );
    return (await recordings()).find((r) => r.exec === exec)!;
  };

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-shell-'));
    tokens.admin = server.adminToken;
    tokens.tom = await server.addUser('tom', 'technician');
    tokens.vera = await server.addUser('vera', 'viewer');
    agent = await enrollTestAgent(server);
    await agent.waitFor('online');
    const device = await server.client().call(API.devices.show, { params: { id: agent.deviceId } });
    ({ name: deviceName, group: deviceGroup } = device);
  });
  afterAll(async () => {
    await agent?.cleanup();
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one command with --exec: its output on standard output, its exit status as the CLI exit status', async () => {
    const result = await tom('shell', agent.deviceId, '--exec', 'echo hello; exit 3');
    expect(result).toMatchObject({ code: 3 });
    expect(result.stdout).toContain('hello');
    expect(result.stdout).not.toMatch(/Connected to|exit/);
    const recording = await endedRecording('echo hello; exit 3');
    expect(recording).toMatchObject({ deviceId: agent.deviceId, technician: 'tom', exitCode: 3 });
  });

  it('finds the device by its name, in any case', async () => {
    const result = await tom('shell', deviceName.toUpperCase(), '--exec', 'echo by-name');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('by-name');
  });

  it("passes the server's refusal on to a viewer, in the server's words, and exits 1", async () => {
    const refusal = await new Promise<{ status: number; message: string }>((resolve, reject) => {
      const input = { params: { id: agent.deviceId }, query: { cols: 80, rows: 24 } };
      const url = server.client().url(API_SOCKETS.shell, input);
      const socket = new WebSocket(url.replace(/^http/, 'ws'), { headers: { authorization: `Bearer ${tokens.vera}` } });
      socket.on('open', () => reject(new Error('a viewer got a shell')));
      socket.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, message: (JSON.parse(body) as { message: string }).message }),
        );
      });
    });
    expect(refusal.status).toBe(403);
    const result = await vera('shell', deviceName, '--exec', 'echo should-not-run');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`helpline: ${refusal.message}`);
  });

  it('says so when no device has the id or name given', async () => {
    const result = await tom('shell', 'NO-SUCH-PC', '--exec', 'true');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('no device has the id or name "NO-SUCH-PC"');
  });

  it('says why when the PC refuses the shell asked for', async () => {
    const result = await tom('shell', deviceName, '--shell', 'fish', '--exec', 'echo should-not-run');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('helpline: the shell did not open: shell "fish" is not allowed here');
  });

  it('says that it waits while the employee is asked to accept, and runs the command once they do', async () => {
    const params = { group: deviceGroup };
    await server.client().call(API.shellPolicies.set, { params, body: { ...DEFAULT_SHELL_POLICY, notice: 'consent' } });
    try {
      const running = tom('shell', deviceName, '--exec', 'echo accepted-run');
      await eventually(() => pendingConsents(agent.stateDir).length === 1, 10_000, 'the consent question');
      expect(answerConsent(agent.stateDir, pendingConsents(agent.stateDir)[0]!.sessionId, true)).toBe(true);
      const result = await running;
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain('accepted-run');
      expect(result.stderr).toContain('waiting for the employee to accept');
    } finally {
      await server.client().call(API.shellPolicies.reset, { params });
    }
  });

  it('refuses an interactive shell without a terminal before asking the server', async () => {
    const result = await tom('shell', deviceName);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('an interactive shell needs a terminal; use --exec');
  });

  it('runs an interactive shell in a terminal: keystrokes, Ctrl-C, window size, exit status', async () => {
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HELPLINE_'))),
      ...envFor('tom'),
    } as Record<string, string>;
    const terminal = pty.spawn(process.execPath, [binPath('helpline'), 'shell', deviceName, '--shell', 'sh'], {
      cols: 100,
      rows: 30,
      env,
    });
    let screen = '';
    let exitCode: number | null = null;
    terminal.onData((data) => (screen += data));
    terminal.onExit((end) => (exitCode = end.exitCode));
    const shows = (text: string, what = text) =>
      eventually(() => screen.includes(text), 10_000, `"${what}" on the terminal`);

    await shows('Connected to');
    expect(screen).toContain(`Connected to ${deviceName} (`);
    terminal.write('stty size\r');
    await shows('30 100');
    terminal.resize(120, 40);
    // The resize travels on its own; asking again until the shell sees it avoids timing it.
    await eventually(
      () => {
        terminal.write('stty size\r');
        return screen.includes('40 120');
      },
      10_000,
      'the new size',
    );
    // Ctrl-C goes to the remote terminal (it would otherwise end the CLI): it stops the sleep.
    // Each step waits for the last, as ^C also throws away input typed ahead of it.
    terminal.write('echo "sleep""ing"; sleep 300\r');
    await shows('sleeping');
    terminal.write('\u0003');
    await shows('^C');
    terminal.write('echo "after-""interrupt"\r');
    await shows('after-interrupt');
    terminal.write('exit 5\r');
    await eventually(() => exitCode !== null, 10_000, 'the CLI to exit');
    expect(exitCode).toBe(5);
  });

  it('lists the sessions in `recordings list`, also by device, and as JSON', async () => {
    const recording = await endedRecording('echo hello; exit 3');
    const list = await admin('recordings', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout.split('\n')[0]).toMatch(
      /^ID\s+DEVICE\s+TECHNICIAN\s+STARTED\s+DURATION\s+OUT\s+TICKET\s+TRUNCATED$/,
    );
    expect(list.stdout).toMatch(
      new RegExp(
        `^${recording.id}\\s+${deviceName}\\s+tom\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\S+\\s+\\d+(\\.\\d)? (B|KiB)\\s+-\\s+no$`,
        'm',
      ),
    );
    const byDevice = await admin('recordings', 'list', '--device', deviceName, '--json');
    expect(byDevice).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(byDevice.stdout) as RecordingView[];
    expect(listed.map((r) => r.id)).toContain(recording.id);
    expect(listed.every((r) => r.deviceId === agent.deviceId)).toBe(true);
  });

  it('plays a recording back with --instant; refuses a bad --speed and an unknown recording', async () => {
    const recording = await endedRecording('echo hello; exit 3');
    const played = await admin('recordings', 'play', recording.id, '--instant');
    expect(played).toMatchObject({ code: 0, stderr: '' });
    expect(played.stdout).toContain('hello');
    expect(await admin('recordings', 'play', recording.id, '--speed', '0')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--speed takes a number above 0'),
    });
    expect(await admin('recordings', 'play', recording.id, '--speed', '2', '--instant')).toMatchObject({ code: 2 });
    const unknown = await admin('recordings', 'play', 'sh_0000000000000000');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('sh_0000000000000000');
  });
});
