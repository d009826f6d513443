// Remote shells end to end: a real server, a real agent, real node-pty terminals on this machine,
// and a technician WebSocket client as the CLI (and later the web console) uses it.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { QueryOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { API_SOCKETS } from '../../protocol/api/routes/sockets.js';
import type { ShellServerFrame } from '../../protocol/api/shell.js';
import { SHELL_CHUNK_BYTES, SHELL_OUTPUT_WINDOW } from '../../protocol/messages/shell.js';
import { runCli } from '../helpers/run-cli.js';
import { createToken, enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type ShellQueryPart = Partial<QueryOf<typeof API_SOCKETS.shell>>;
type ConnectOptions = { token?: string; ack?: boolean; pathId?: string };

interface Technician {
  frames: ShellServerFrame[];
  output: () => string;
  outputBytes: () => number;
  exit: () => Extract<ShellServerFrame, { type: 'exit' }> | undefined;
  closed: () => { code: number } | null;
  send: (frame: object) => void;
  type: (text: string) => void;
  socket: WebSocket;
}

describe('remote shell', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  /**
   * Opens a shell as a technician; `ack: false` never acknowledges output (a stalled reader);
   * `pathId` goes into the path as it is, unencoded (for input no client would send).
   */
  const connect = (deviceId: string, query: ShellQueryPart, options: ConnectOptions = {}) =>
    new Promise<Technician>((resolve, reject) => {
      const input = { params: { id: deviceId }, query: { cols: 80, rows: 24, ...query } };
      const typed = server.client().url(API_SOCKETS.shell, input).replace(/^http/, 'ws');
      const url = options.pathId === undefined ? typed : typed.replace(`/${deviceId}/`, `/${options.pathId}/`);
      const socket = new WebSocket(url, { headers: { authorization: `Bearer ${options.token ?? server.adminToken}` } });
      const frames: ShellServerFrame[] = [];
      const chunks: Buffer[] = [];
      let closed: { code: number } | null = null;
      socket.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          reject(
            Object.assign(new Error(body), {
              status: response.statusCode,
              body: JSON.parse(body) as { code: string; message: string },
            }),
          ),
        );
      });
      socket.on('message', (raw) => {
        const text = Array.isArray(raw) ? Buffer.concat(raw).toString() : new TextDecoder().decode(raw);
        const frame = JSON.parse(text) as ShellServerFrame;
        frames.push(frame);
        if (frame.type === 'output') {
          const bytes = Buffer.from(frame.data, 'base64url');
          chunks.push(bytes);
          if (options.ack !== false) socket.send(JSON.stringify({ type: 'ack', bytes: bytes.length }));
        }
      });
      socket.on('close', (code) => (closed = { code }));
      socket.on('open', () =>
        resolve({
          frames,
          output: () => Buffer.concat(chunks).toString('utf8'),
          outputBytes: () => chunks.reduce((sum, chunk) => sum + chunk.length, 0),
          exit: () =>
            frames.find((frame): frame is Extract<ShellServerFrame, { type: 'exit' }> => frame.type === 'exit'),
          closed: () => closed,
          send: (frame) => socket.send(JSON.stringify(frame)),
          type: (text) => socket.send(JSON.stringify({ type: 'input', data: Buffer.from(text).toString('base64url') })),
          socket,
        }),
      );
    });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the shell opened');
      },
      (error: { status: number; body: { code: string; message: string } }) => error,
    );
  const online = async (group?: string) => {
    const agent = await enrollTestAgent(server, group ? { token: await createToken(server, { group }) } : {});
    agents.push(agent);
    await agent.waitFor('online');
    return agent;
  };
  const recordings = (deviceId: string) => server.client().call(API.recordings.list, { query: { deviceId } });
  const cast = (id: string) => server.client().call(API.recordings.cast, { params: { id } });
  const processes = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });

  it('runs echo and returns the exit status; the recording has what was shown and plays back', async () => {
    server = await startTestServer();
    const agent = await online();
    const shell = await connect(agent.deviceId, { exec: 'echo hello from the PC; exit 3' });
    await eventually(() => shell.exit() !== undefined, 20_000, 'the exit');
    expect(shell.output()).toContain('hello from the PC');
    expect(shell.exit()).toMatchObject({ exitCode: 3 });
    expect(shell.frames.find((frame) => frame.type === 'opened')).toMatchObject({ shell: 'bash' });
    await eventually(() => shell.closed() !== null, 5000, 'the close');
    expect(shell.closed()!.code).toBe(1000);

    await eventually(async () => (await recordings(agent.deviceId))[0]?.endedAt != null, 10_000, 'the session record');
    const [recording] = await recordings(agent.deviceId);
    expect(recording).toMatchObject({
      technician: 'admin',
      exitCode: 3,
      exec: 'echo hello from the PC; exit 3',
      truncated: false,
    });
    expect(recording!.bytesOut).toBeGreaterThan(0);
    const lines = (await cast(recording!.id)).trim().split('\n');
    const [header, ...events] = lines.map((line) => JSON.parse(line) as unknown);
    expect(header).toMatchObject({ version: 2, width: 80, height: 24 });
    expect(
      (events as Array<[number, string, string]>)
        .filter(([, code]) => code === 'o')
        .map(([, , text]) => text)
        .join(''),
    ).toContain('hello from the PC');
    const audit = (await server.client().call(API.audit.list, { query: { action: '' } })).map((entry) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['shell.opened', 'shell.closed', 'recording.viewed']));
  });

  it('follows a resize (stty size) and refuses absurd sizes', async () => {
    server = await startTestServer();
    const agent = await online();
    const shell = await connect(agent.deviceId, { shell: 'sh' });
    await eventually(() => shell.frames.some((frame) => frame.type === 'opened'), 20_000, 'the shell');
    shell.type('stty size\n');
    await eventually(() => shell.output().includes('24 80'), 10_000, 'the first size');
    shell.send({ type: 'resize', cols: 120, rows: 40 });
    shell.type('stty size\n');
    await eventually(() => shell.output().includes('40 120'), 10_000, 'the new size');
    shell.send({ type: 'resize', cols: 0, rows: 0 });
    await eventually(
      () => shell.frames.some((frame) => frame.type === 'error' && frame.code === 'bad_size'),
      10_000,
      'the size refusal',
    );
    shell.type('exit 0\n');
    await eventually(() => shell.exit() !== undefined, 10_000, 'the exit');
    expect(shell.exit()!.exitCode).toBe(0);
  });

  it('refuses viewers, unknown and revoked devices, and shells that are not allowed', async () => {
    server = await startTestServer();
    const agent = await online();
    const viewer = await server.addUser('vic', 'viewer');
    expect(await refusal(connect(agent.deviceId, {}, { token: viewer }))).toMatchObject({ status: 403 });
    expect(await refusal(connect('dev_doesnotexist00', {}))).toMatchObject({ status: 404 });
    // A broken %-escape in the path is refused like any bad input; the server goes on.
    const brokenEscape = await refusal(connect(agent.deviceId, {}, { pathId: '%E0' }));
    expect(brokenEscape).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(await refusal(connect(agent.deviceId, {}, { token: 'hl_not_a_token' }))).toMatchObject({ status: 401 });
    expect(await refusal(connect(agent.deviceId, { cols: 0, rows: 0 }))).toMatchObject({ status: 400 });
    const notAllowed = await connect(agent.deviceId, { shell: 'python' });
    await eventually(() => notAllowed.exit() !== undefined, 10_000, 'the refusal');
    expect(notAllowed.exit()!.reason).toMatch(/shell "python" is not allowed here/);

    // Revoking the device ends its live session at once, and no new one opens.
    const live = await connect(agent.deviceId, { exec: 'sleep 301' });
    await eventually(() => live.frames.some((frame) => frame.type === 'opened'), 10_000, 'the shell');
    const revoke = { params: { id: agent.deviceId }, body: { reason: 'stolen laptop' } };
    await server.client().call(API.devices.revoke, revoke);
    await eventually(() => live.closed() !== null, 10_000, 'the session ended');
    await eventually(() => !processes().includes('sleep 301'), 10_000, 'no process left on the PC');
    expect(await refusal(connect(agent.deviceId, {}))).toMatchObject({ status: 409 });
  });

  it('asks the employee under the consent policy: denied means no session', async () => {
    server = await startTestServer();
    const agent = await online('front-desk');
    const params = { group: 'front-desk' };
    const { policy } = await server.client().call(API.shellPolicies.show, { params });
    const consent = { ...policy, notice: 'consent' as const };
    const changed = await server.client().call(API.shellPolicies.set, { params, body: consent });
    expect(changed).toMatchObject({ custom: true });
    const shell = await connect(agent.deviceId, { exec: 'echo should not run' });
    await eventually(() => shell.frames.some((frame) => frame.type === 'waiting'), 10_000, 'the consent question');
    const sessionId = (await recordings(agent.deviceId))[0]!.id;
    // The employee's side, until the tray app exists: the real helpline-agent command.
    const listed = await runCli('helpline-agent', ['consent', 'list', '--state', agent.stateDir]);
    expect(listed.stdout).toMatch(
      new RegExp(`^${sessionId}  admin asks to open the command: echo should not run`, 'm'),
    );
    expect(
      (await runCli('helpline-agent', ['consent', 'deny', 'sh_0000000000000000', '--state', agent.stateDir])).stderr,
    ).toMatch(/no remote shell request sh_0000000000000000 is waiting/);
    expect(await runCli('helpline-agent', ['consent', 'deny', sessionId, '--state', agent.stateDir])).toMatchObject({
      code: 0,
      stdout: 'Refused: no shell will be opened.\n',
    });
    await eventually(() => shell.exit() !== undefined, 10_000, 'the refusal');
    expect(shell.exit()!.reason).toMatch(/did not accept/);
    expect(shell.output()).not.toContain('should not run');
    await eventually(() => shell.closed() !== null, 5000, 'the close');
    expect(shell.closed()!.code).toBe(4403);
  });

  it('ends an idle session, and leaves nothing running when the technician vanishes', async () => {
    server = await startTestServer();
    const agent = await online('lab');
    const params = { group: 'lab' };
    const { policy } = await server.client().call(API.shellPolicies.show, { params });
    await server.client().call(API.shellPolicies.set, { params, body: { ...policy, idleTimeoutMs: 1000 } });
    const idle = await connect(agent.deviceId, {});
    await eventually(() => idle.exit() !== undefined, 20_000, 'the idle timeout');
    expect(idle.exit()!.reason).toMatch(/^idle for/);

    await server.client().call(API.shellPolicies.set, { params, body: { ...policy } });
    const vanishing = await connect(agent.deviceId, { exec: 'sleep 302' });
    await eventually(() => vanishing.frames.some((frame) => frame.type === 'opened'), 10_000, 'the shell');
    vanishing.socket.terminate();
    await eventually(() => !processes().includes('sleep 302'), 10_000, 'the process gone');
    await eventually(
      async () => (await recordings(agent.deviceId))[0]?.reason === 'the technician disconnected',
      10_000,
      'the session record',
    );
  });

  it('ends the sessions of a technician whose account is disabled, enforces the limits, and notes a ticket', async () => {
    server = await startTestServer();
    const agent = await online('desk');
    const params = { group: 'desk' };
    const { policy } = await server.client().call(API.shellPolicies.show, { params });
    await server.client().call(API.shellPolicies.set, { params, body: { ...policy, maxPerDevice: 1 } });
    const tom = await server.addUser('tom', 'technician');
    const ticketBody = { subject: 'Printer queue stuck', deviceId: agent.deviceId };
    const ticket = (await server.client().call(API.tickets.create, { body: ticketBody })).id;
    const shell = await connect(agent.deviceId, { exec: 'sleep 303', ticket }, { token: tom });
    await eventually(() => shell.frames.some((frame) => frame.type === 'opened'), 10_000, 'the shell');
    expect(await refusal(connect(agent.deviceId, {}))).toMatchObject({
      status: 409,
      body: { message: expect.stringMatching(/already has 1 remote shells open/) },
    });
    await server.client().call(API.users.disable, { params: { name: 'tom' } });
    await eventually(() => shell.closed() !== null, 10_000, 'the session ended');
    expect(shell.exit()!.reason).toBe('the technician account was disabled');
    await eventually(() => !processes().includes('sleep 303'), 10_000, 'no process left');
    const noted = async () =>
      (await server.client().call(API.tickets.show, { params: { id: ticket } })).entries.some((entry) =>
        /^Remote shell by tom on .*, 1 min\. Recording: helpline recordings play sh_/.test(entry.body),
      );
    await eventually(noted, 10_000, 'the ticket note');
  });

  it('stops a recording at its size cap with a marker, and runs shells as the configured account', async () => {
    server = await startTestServer({ recordingMaxBytes: 4096 });
    const agent = await enrollTestAgent(server, { config: { shellRunAs: 'nobody' } });
    agents.push(agent);
    await agent.waitFor('online');
    const shell = await connect(agent.deviceId, { exec: 'id -u; head -c 20000 /dev/zero | tr "\\0" x' });
    await eventually(() => shell.exit() !== undefined, 20_000, 'the exit');
    const nobody = execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim();
    expect(shell.output().split(/\r?\n/)[0]).toBe(nobody);
    expect(shell.outputBytes()).toBeGreaterThan(20_000);
    await eventually(async () => (await recordings(agent.deviceId))[0]?.endedAt != null, 10_000, 'the session record');
    const [recording] = await recordings(agent.deviceId);
    expect(recording!.truncated).toBe(true);
    const text = await cast(recording!.id);
    expect(Buffer.byteLength(text)).toBeLessThan(4096 + 200);
    expect(text).toContain('the recording stopped here because it reached its size limit');
  });

  it('does not let a flood run ahead of a reader that does not acknowledge', async () => {
    server = await startTestServer();
    const agent = await online();
    const stalled = await connect(agent.deviceId, { exec: 'yes' }, { ack: false });
    await eventually(() => stalled.outputBytes() >= SHELL_OUTPUT_WINDOW, 20_000, 'a window of output');
    // Watching for a moment: `yes` would send megabytes in it if nothing held it back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stalled.outputBytes()).toBeLessThanOrEqual(SHELL_OUTPUT_WINDOW + 4 * SHELL_CHUNK_BYTES);
    stalled.send({ type: 'close' });
    await eventually(() => stalled.closed() !== null, 10_000, 'the close');
    await eventually(
      () =>
        !processes()
          .split('\n')
          .some((line) => line.trim() === 'yes'),
      10_000,
      'yes stopped',
    );
  });
});
