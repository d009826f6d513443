// Maintenance mode end to end: a real agent's disk check fails while its device is in maintenance
// and the fault is recorded but opens no ticket and sends no webhook; once maintenance ends, a
// new fault opens its ticket and the webhook goes out. A group's window quiets the server's own
// offline check until it runs out by itself. And the refusals of bad input and of viewers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { sampleHealth } from '../../agent/health/sampler.js';
import { API } from '../../protocol/api/routes/index.js';
import type { CheckPolicy } from '../../protocol/messages/checks.js';
import { createToken, enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A real mount of this machine that is neither empty nor full (as in fault-tickets.test.ts). */
async function watchableMount(): Promise<string> {
  const sample = await sampleHealth();
  const mount = sample.filesystems.find((fs) => fs.usedPct > 1 && fs.usedPct < 98);
  if (!mount) throw new Error(`no file system between 1 % and 98 % full: ${JSON.stringify(sample.filesystems)}`);
  return mount.mount;
}

const diskPolicy = (mount: string, thresholdPct: number): CheckPolicy => ({
  checks: [
    {
      kind: 'disk_usage',
      id: 'disk',
      name: 'File system almost full',
      autoResolve: false,
      thresholdPct,
      recoverBelowPct: thresholdPct,
      mount,
    },
  ],
});

describe('maintenance mode', () => {
  let server: TestServer | undefined;
  let receiver: Server;
  const hooks: Array<{ event: { kind: string; ticket: { id: number; deviceId: string | null } } }> = [];
  const agents: TestAgent[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        hooks.push(JSON.parse(body) as (typeof hooks)[number]);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => receiver.close());
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
    server = undefined;
    hooks.splice(0);
  });

  const started = async (overrides = {}, options: { now?: () => number } = {}) => {
    const running = await startTestServer({ notifyPollMs: 50, ...overrides }, options);
    const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await running.client().call(API.notifications.createSubscription, {
      body: { channel: 'webhook', target, kinds: ['ticket.created'] },
    });
    return running;
  };

  it('records a fault during maintenance without a ticket or a webhook; after it ends a new fault opens both', async () => {
    const s = (server = await started());
    const client = s.client();
    const mount = await watchableMount();
    const setPolicy = (thresholdPct: number) =>
      client.call(API.checkPolicies.set, { params: { group: 'lab' }, body: diskPolicy(mount, thresholdPct) });
    await setPolicy(100);
    const agent = await enrollTestAgent(s, {
      token: await createToken(s, { group: 'lab' }),
      config: { healthIntervalMs: 100 },
    });
    agents.push(agent);
    await agent.waitFor('online');
    const faultTickets = async () =>
      (await client.call(API.tickets.list, { query: { deviceId: agent.deviceId } })).filter(
        (ticket) => ticket.source === 'fault',
      );

    const window = await client.call(API.maintenance.start, {
      body: { deviceId: agent.deviceId, for: '2h', reason: 'replacing the disk' },
    });
    expect(window).toMatchObject({
      target: { kind: 'device', value: agent.deviceId },
      reason: 'replacing the disk',
      startedBy: 'admin',
      active: true,
      faults: 0,
    });
    expect(Date.parse(window.endsAt) - Date.parse(window.startsAt)).toBe(2 * 3_600_000);
    const [row] = (await client.call(API.fleet.list, { query: {} })).filter((r) => r.device.id === agent.deviceId);
    expect(row!.maintenance).toEqual({ until: window.endsAt, reason: 'replacing the disk' });

    // The disk is "too full" at once; the fault comes in and is recorded with the window.
    await setPolicy(0);
    const covering = () => client.call(API.maintenance.list, { query: { deviceId: agent.deviceId } });
    await eventually(async () => (await covering())[0]?.faults === 1, 20_000, 'the fault recorded');
    expect(s.logs.some((line) => line.msg === 'fault during maintenance' && line.maintenance === window.id)).toBe(true);
    // The notifier polls every 50 ms: a webhook it were to send would be here well within a second.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await faultTickets()).toEqual([]);
    expect(hooks).toEqual([]);

    const ended = await client.call(API.maintenance.end, { params: { id: window.id } });
    expect(ended).toMatchObject({ active: false, endedBy: 'admin', faults: 1 });
    expect(await client.call(API.maintenance.list, { query: {} })).toEqual([]);
    expect((await client.call(API.fleet.list, { query: {} }))[0]!.maintenance).toBeNull();
    const audit = await client.call(API.audit.list, { query: {} });
    expect(audit.filter((entry) => entry.action.startsWith('maintenance.')).map((e) => [e.action, e.target])).toEqual(
      expect.arrayContaining([
        ['maintenance.started', agent.deviceId],
        ['maintenance.ended', agent.deviceId],
      ]),
    );

    // It recovers and fails again: a new fault, now out of maintenance, opens its ticket.
    expect(await covering()).toEqual([]);
    await setPolicy(100);
    // The recovery reaches the server (no ticket to note it on) before the disk fails again.
    await eventually(
      () => s.logs.some((line) => line.msg === 'fault cleared; its ticket is no longer open'),
      20_000,
      'the recovery',
    );
    await setPolicy(0);
    await eventually(async () => (await faultTickets()).length === 1, 20_000, 'a fault ticket');
    const [ticket] = await faultTickets();
    await eventually(() => hooks.length === 1, 10_000, 'the webhook');
    expect(hooks[0]!.event).toMatchObject({ kind: 'ticket.created', ticket: { id: ticket!.id } });
  });

  it("a group's window quiets the offline check until it runs out by itself", async () => {
    let offset = 0;
    const s = (server = await started({}, { now: () => Date.now() + offset }));
    const agent = await enrollTestAgent(s, {
      token: await createToken(s, { group: 'branch' }),
      config: { healthIntervalMs: 60_000 },
    });
    agents.push(agent);
    await agent.waitFor('online');
    const window = await s.client().call(API.maintenance.start, { body: { group: 'BRANCH', for: '1h' } });
    expect(window.target).toEqual({ kind: 'group', value: 'branch', deviceName: null });
    await agent.agent.stop();
    await eventually(() => !s.server.hub.isOnline(agent.deviceId), 5000, 'the device offline');
    const deviceTickets = () => s.client().call(API.tickets.list, { query: { deviceId: agent.deviceId } });

    offset = 40 * 60_000;
    s.server.offlineMonitor.checkNow();
    s.server.offlineMonitor.checkNow();
    expect(await deviceTickets()).toEqual([]);
    const [during] = await s.client().call(API.maintenance.list, { query: { group: 'branch' } });
    expect(during).toMatchObject({ id: window.id, faults: 1, active: true });

    // Past its end: the window is over without anyone ending it, and the next tick opens the ticket.
    offset = 61 * 60_000;
    expect(await s.client().call(API.maintenance.list, { query: {} })).toEqual([]);
    s.server.offlineMonitor.checkNow();
    const tickets = await deviceTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.subject).toMatch(/has been offline/);
    await eventually(() => hooks.length === 1, 10_000, 'the webhook');
  });

  it('refuses bad input with clear errors, and viewers may only look', async () => {
    const s = (server = await started());
    const agent = await enrollTestAgent(s, { token: await createToken(s, { group: 'lab' }) });
    agents.push(agent);
    const refusal = async (body: unknown, token?: string) => {
      const answer = await s.raw<{ code: string; message: string }>(API.maintenance.start, {
        body,
        ...(token ? { token } : {}),
      });
      return [answer.status, answer.body.code, answer.body.message];
    };
    expect(await refusal({ deviceId: agent.deviceId, group: 'lab', for: '2h' })).toEqual([
      400,
      'validation_failed',
      expect.stringContaining('deviceId or group (one of them)'),
    ]);
    expect(await refusal({ for: '2h' })).toEqual([400, 'validation_failed', expect.stringContaining('one of them')]);
    expect(await refusal({ group: 'lab', for: 'soon' })).toEqual([
      400,
      'validation_failed',
      expect.stringContaining('like 30m, 2h or 1d'),
    ]);
    expect(await refusal({ group: 'lab', for: '31d' })).toEqual([
      400,
      'validation_failed',
      expect.stringContaining('at most'),
    ]);
    expect(await refusal({ group: 'lab', for: '10s' })).toEqual([
      400,
      'validation_failed',
      expect.stringContaining('at least'),
    ]);
    expect(await refusal({ group: 'no-such-group', for: '1h' })).toEqual([404, 'not_found', 'no group no-such-group']);
    expect(await refusal({ deviceId: 'dev_0000000000000000000000', for: '1h' })).toEqual([
      404,
      'not_found',
      expect.stringContaining('no device'),
    ]);

    const viewer = await s.addUser('vera', 'viewer');
    expect((await refusal({ group: 'lab', for: '1h' }, viewer))[0]).toBe(403);
    const window = await s.client().call(API.maintenance.start, { body: { group: 'lab', for: '1h' } });
    expect(await refusal({ group: 'lab', for: '1h' })).toEqual([
      409,
      'conflict',
      expect.stringContaining('in maintenance already'),
    ]);
    expect(await s.client(viewer).call(API.maintenance.list, { query: {} })).toHaveLength(1);
    const endAs = (token?: string) =>
      s.raw<{ code: string }>(API.maintenance.end, {
        params: { id: window.id },
        ...(token ? { token } : {}),
      });
    expect((await endAs(viewer)).status).toBe(403);
    expect((await endAs()).status).toBe(200);
    expect((await endAs()).body.code).toBe('conflict');
  });
});
