// Signed jobs end to end: a real server signs, a real agent checks and runs, results come back
// through the outbox. "A compromised server" is played by editing the server's database behind
// its back: the agent must refuse what the signing key did not sign.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAgent } from '../../agent/build-agent.js';
import { agentConfig } from '../../agent/config.js';
import type { RunRequest } from '../../protocol/api/jobs.js';
import { API } from '../../protocol/api/routes/index.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import type { RouteSpec } from '../../protocol/api/route.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ECHO: ScriptRequest = {
  name: 'echo-args',
  description: 'Says hello to a name and appends a line to a file.',
  interpreter: 'sh',
  platforms: ['linux'],
  body: 'printf "hello %s\\n" "$HELPLINE_PARAM_NAME"\nprintf "ran\\n" >> "$HELPLINE_PARAM_LOG"\necho "to stderr" >&2\nexit 3\n',
  params: [
    { name: 'name', type: 'string', default: 'world', description: 'who to greet' },
    { name: 'log', type: 'path', default: null, description: 'file to append to' },
  ],
};

describe('signed jobs', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const sandbox = () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpline-job-'));
    dirs.push(dir);
    return dir;
  };
  const addScript = async (script: ScriptRequest) =>
    expect((await server.client().callWithStatus(API.scripts.add, { body: script })).status).toBe(201);
  const run = async (body: RunRequest) => (await server.client().call(API.jobs.run, { body })).jobs[0]!;
  const job = (id: string) => server.client().call(API.jobs.show, { params: { id } });
  const finished = async (id: string) => {
    await eventually(
      async () => !['queued', 'sent', 'running'].includes((await job(id)).status),
      20_000,
      `job ${id} to finish`,
    );
    return job(id);
  };
  /** The server's own database, edited behind its back. */
  const serverDb = () => new Database(join(server.dataDir, 'helpline.db'));

  it('runs a signed job and brings its output back; arguments with shell metacharacters stay text', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await addScript(ECHO);
    const dir = sandbox();
    const name = 'a; touch PWNED $(touch PWNED2) `touch PWNED3` && echo "x"';
    const started = await run({
      script: 'echo-args',
      deviceIds: [agent.deviceId],
      args: { name, log: join(dir, 'ran.log') },
    });
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'failed', exitCode: 3, script: 'echo-args', scriptVersion: 1 });
    expect(done.stdout?.text).toBe(`hello ${name}\n`);
    expect(done.stderr?.text).toBe('to stderr\n');
    expect(done.stdout?.bytes).toBe(Buffer.byteLength(`hello ${name}\n`));
    expect(done.stdout?.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const place of [dir, agent.stateDir, process.cwd()])
      expect(readdirSync(place).filter((file) => file.startsWith('PWNED'))).toEqual([]);
    // The private run directory is gone.
    expect(readdirSync(join(agent.stateDir, 'jobs')).filter((entry) => entry.startsWith('run-'))).toEqual([]);
    const audit = await server.client().call(API.audit.list, { query: { action: 'job.requested' } });
    expect(audit.some((entry) => entry.target === 'echo-args')).toBe(true);
  });

  it('refuses a tampered script, a wrong signature, an expired job and a replay, and reports each', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await addScript(ECHO);
    await addScript({ ...ECHO, body: 'touch "$HELPLINE_PARAM_LOG.owned"\n' });
    const log = join(sandbox(), 'ran.log');
    const later = new Date(Date.now() + 3_600_000).toISOString();
    // Queued for later, edited in the database, then released: what a compromised server could do.
    const release = (id: string, edit: string, ...params: unknown[]) => {
      const db = serverDb();
      db.prepare(`UPDATE jobs SET ${edit}, not_before = 0 WHERE id = ?`).run(...params, id);
      db.close();
      server.server.jobDispatcher.checkNow();
    };
    const refusal = async (id: string) => {
      const done = await finished(id);
      expect(done.status).toBe('rejected');
      return done.reason ?? '';
    };

    const tampered = await run({
      script: 'echo-args',
      version: 1,
      deviceIds: [agent.deviceId],
      args: { log },
      notBefore: later,
    });
    release(tampered.id, 'script_version = 2');
    expect(await refusal(tampered.id)).toMatch(/does not match the signed hash/);
    expect(existsSync(`${log}.owned`)).toBe(false);

    const forged = await run({
      script: 'echo-args',
      version: 1,
      deviceIds: [agent.deviceId],
      args: { log },
      notBefore: later,
    });
    const other = await run({
      script: 'echo-args',
      version: 1,
      deviceIds: [agent.deviceId],
      args: { log, name: 'other' },
      notBefore: later,
    });
    const signatureOfOther = serverDb()
      .prepare('SELECT signature FROM jobs WHERE id = ?')
      .pluck()
      .get(other.id) as string;
    release(forged.id, 'signature = ?', signatureOfOther);
    expect(await refusal(forged.id)).toMatch(/bad signature/);

    // Expired: signed for real (as an admin would with their own key) but its window is past.
    const prepared = await server.client().call(API.jobs.prepare, {
      body: {
        script: 'echo-args',
        version: 1,
        deviceIds: [agent.deviceId],
        args: { log },
        notBefore: new Date(Date.now() - 7_200_000).toISOString(),
        validForMs: 60_000,
      },
    });
    const { signJob } = await import('../../protocol/job-signing.js');
    const { loadServerKeys } = await import('../../server/data-dir.js');
    const key = loadServerKeys(server.dataDir).jobSigning!.secretKey;
    const jobs = prepared.envelopes.map((envelope) => ({ envelope, signature: signJob(envelope, key) }));
    const body = { runId: prepared.runId, jobs };
    const signed = await server.client().callWithStatus(API.jobs.storeSigned, { body });
    expect(signed.status).toBe(201);
    const stale = signed.body.jobs[0]!;
    release(stale.id, 'expires_at = ?', Date.now() + 3_600_000);
    expect(await refusal(stale.id)).toMatch(/expired/);

    // Replay: a job that ran is sent again.
    const once = await run({ script: 'echo-args', version: 1, deviceIds: [agent.deviceId], args: { log } });
    expect((await finished(once.id)).status).toBe('failed');
    expect(readFileSync(log, 'utf8')).toBe('ran\n');
    release(once.id, "status = 'queued', expires_at = ?", Date.now() + 3_600_000);
    await eventually(
      async () => {
        const audit = await server.client().call(API.audit.list, { query: { action: 'job.rejected' } });
        // The detail's shape is each action's own; a job's refusal gives its reason.
        const reason = (detail: unknown) => (detail as { reason?: string }).reason ?? '';
        return audit.some((entry) => entry.target === once.id && /replay/.test(reason(entry.detail)));
      },
      20_000,
      'the replay refusal',
    );
    expect(readFileSync(log, 'utf8')).toBe('ran\n');
    // The refusal does not hide the real result.
    expect((await job(once.id)).exitCode).toBe(3);
    const rejected = await server.client().call(API.audit.list, { query: { action: 'job.rejected' } });
    const rejections = rejected.map((entry) => entry.target);
    expect(rejections).toEqual(expect.arrayContaining([tampered.id, forged.id, stale.id, once.id]));
  });

  it('kills the whole process tree at the timeout', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await addScript({
      name: 'hang',
      description: 'Starts a background sleeper and hangs.',
      interpreter: 'sh',
      platforms: ['linux'],
      timeoutMs: 1000,
      body: 'sleep 300 &\necho $! > "$HELPLINE_PARAM_PIDFILE"\nsh -c "sleep 301" &\nsleep 302\n',
      params: [{ name: 'pidfile', type: 'path', default: null, description: 'where the sleeper pid goes' }],
    });
    const pidfile = join(sandbox(), 'pid');
    const done = await finished((await run({ script: 'hang', deviceIds: [agent.deviceId], args: { pidfile } })).id);
    expect(done.status).toBe('timed_out');
    expect(done.reason).toMatch(/timeout/);
    const pid = Number(readFileSync(pidfile, 'utf8'));
    const alive = (target: number) => {
      try {
        process.kill(target, 0);
        return true;
      } catch {
        return false;
      }
    };
    await eventually(() => !alive(pid), 5000, 'the background sleeper gone');
  });

  it('runs one job at a time on a device unless the script says it may run beside others', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    const dir = sandbox();
    // Each writes that it started, then waits for the test to let it go.
    const waiting = (name: string, concurrent: boolean): ScriptRequest => ({
      name,
      description: 'Waits for a release file.',
      interpreter: 'sh',
      platforms: ['linux'],
      concurrent,
      body: `touch "$HELPLINE_PARAM_DIR/${name}.started"\nwhile [ ! -e "$HELPLINE_PARAM_DIR/release" ]; do sleep 0.05; done\n`,
      params: [{ name: 'dir', type: 'path', default: dir, description: 'sandbox' }],
    });
    await addScript(waiting('first', false));
    await addScript(waiting('second', false));
    await addScript(waiting('beside', true));
    const first = await run({ script: 'first', deviceIds: [agent.deviceId] });
    await eventually(() => existsSync(join(dir, 'first.started')), 20_000, 'the first job running');
    const second = await run({ script: 'second', deviceIds: [agent.deviceId] });
    const beside = await run({ script: 'beside', deviceIds: [agent.deviceId] });
    await eventually(() => existsSync(join(dir, 'beside.started')), 20_000, 'the concurrent job running beside it');
    expect(existsSync(join(dir, 'second.started'))).toBe(false);
    expect((await job(second.id)).status).toBe('sent');
    writeFileSync(join(dir, 'release'), '');
    for (const id of [first.id, second.id, beside.id]) expect((await finished(id)).status).toBe('succeeded');
    expect(existsSync(join(dir, 'second.started'))).toBe(true);
  });

  it('keeps a job for an offline device and runs it when the device connects', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await agent.agent.stop();
    await eventually(() => !server.server.hub.isOnline(agent.deviceId), 5000, 'the device offline');
    await addScript(ECHO);
    const log = join(sandbox(), 'ran.log');
    const queued = await run({ script: 'echo-args', deviceIds: [agent.deviceId], args: { log } });
    server.server.jobDispatcher.checkNow();
    expect((await job(queued.id)).status).toBe('queued');
    const back = buildAgent(agentConfig({ stateDir: agent.stateDir, reconnectBaseMs: 50, firstReconnectMaxMs: 50 }), {
      logger: pino({ level: 'silent' }),
      sources: realSources(),
    });
    back.start();
    try {
      expect((await finished(queued.id)).exitCode).toBe(3);
      expect(readFileSync(log, 'utf8')).toBe('ran\n');
    } finally {
      await back.stop();
    }
  });

  it('refuses every job when scripts are switched off in the agent, and says so', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { config: { scriptsEnabled: false } });
    agents.push(agent);
    await agent.waitFor('online');
    await addScript(ECHO);
    const log = join(sandbox(), 'ran.log');
    const done = await finished((await run({ script: 'echo-args', deviceIds: [agent.deviceId], args: { log } })).id);
    expect(done.status).toBe('rejected');
    expect(done.reason).toMatch(/switched off/);
    expect(existsSync(log)).toBe(false);
  });

  it('refuses bad scripts and runs with clear errors', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { start: false });
    agents.push(agent);
    const refused = async (spec: RouteSpec, body: object, status: number, message: RegExp) => {
      const response = await server.raw<{ message: string }>(spec, { body });
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.message).toMatch(message);
    };
    await refused(API.scripts.add, { ...ECHO, interpreter: 'perl' }, 400, /interpreter/);
    await refused(API.scripts.add, { ...ECHO, body: 'x'.repeat(300 * 1024) }, 413, /at most 256 KiB/);
    await refused(API.scripts.add, { ...ECHO, body: 'echo \u001b[2J' }, 400, /control character on line 1/);
    await addScript(ECHO);
    expect((await server.client().callWithStatus(API.scripts.add, { body: ECHO })).status).toBe(200);
    expect(await server.client().call(API.scripts.versions, { params: { name: 'echo-args' } })).toHaveLength(1);
    const misspelt = { script: 'echo-args', deviceIds: [agent.deviceId], args: { nmae: 'x', log: '/tmp/x' } };
    await refused(API.jobs.run, misspelt, 400, /no parameter "nmae"/);
    await refused(API.jobs.run, { script: 'echo-args', deviceIds: [agent.deviceId] }, 400, /needs the parameter "log"/);
    await refused(API.jobs.run, { script: 'nope', deviceIds: [agent.deviceId] }, 404, /no script named nope/);
    const nobody = { script: 'echo-args', group: 'nobody-here', args: { log: '/tmp/x' } };
    await refused(API.jobs.run, nobody, 400, /no active device/);
    const viewer = await server.addUser('vic', 'viewer');
    const echo = { script: 'echo-args', deviceIds: [agent.deviceId], args: { log: '/tmp/x' } };
    const forbidden = { status: 403, code: 'forbidden' };
    await expect(server.client(viewer).call(API.jobs.run, { body: echo })).rejects.toMatchObject(forbidden);
    const tech = await server.addUser('tina', 'technician');
    const other = { ...ECHO, name: 'other' };
    await expect(server.client(tech).call(API.scripts.add, { body: other })).rejects.toMatchObject(forbidden);
  });
});
