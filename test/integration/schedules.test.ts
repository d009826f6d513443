// Schedules on a fake clock: a firing inside the maintenance window makes a job per device,
// spread over the spread and expiring when the window closes; a firing outside it makes none.
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const at = (iso: string) => Date.parse(iso);
const TIDY: ScriptRequest = {
  name: 'tidy',
  description: 'Tidies up.',
  interpreter: 'sh',
  platforms: ['linux'],
  body: 'echo tidy\n',
};

describe('schedules', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  it('fires inside the window on a fake clock and not outside it, spread and bounded by the window', async () => {
    // 20:30 in Berlin on a Monday in winter (UTC+1).
    let now = at('2030-01-07T19:30:00Z');
    server = await startTestServer({}, { now: () => now });
    const agent = await enrollTestAgent(server, { start: false });
    agents.push(agent);
    const api = server.client();
    await api.call(API.scripts.add, { body: TIDY });
    const created = await api.callWithStatus(API.schedules.add, {
      body: {
        name: 'nightly-tidy',
        script: 'tidy',
        deviceId: agent.deviceId,
        cron: '0 * * * *',
        timeZone: 'Europe/Berlin',
        spreadMs: 30 * 60_000,
        window: { start: '22:00', end: '05:00' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.nextFireAt).toBe('2030-01-07T20:00:00.000Z');
    const params = { id: created.body.id };
    const jobs = () => api.call(API.jobs.list, { query: { deviceId: agent.deviceId } });
    const schedule = () => api.call(API.schedules.show, { params });

    // 21:00 Berlin: before the window opens.
    now = at('2030-01-07T20:00:00Z');
    server.server.scheduler.checkNow();
    expect(await jobs()).toHaveLength(0);
    expect(await schedule()).toMatchObject({ nextFireAt: '2030-01-07T21:00:00.000Z', lastFiredAt: null });

    // 22:00 Berlin: inside. One job, starting within the 30-minute spread, expiring at 05:00 Berlin.
    now = at('2030-01-07T21:00:00Z');
    server.server.scheduler.checkNow();
    server.server.scheduler.checkNow();
    const fired = await jobs();
    expect(fired).toHaveLength(1);
    expect(Date.parse(fired[0]!.notBefore)).toBeGreaterThanOrEqual(at('2030-01-07T21:00:00Z'));
    expect(Date.parse(fired[0]!.notBefore)).toBeLessThan(at('2030-01-07T21:30:00Z'));
    expect(fired[0]!.expiresAt).toBe('2030-01-08T04:00:00.000Z');
    expect(fired[0]!).toMatchObject({
      status: 'queued',
      requestedBy: 'schedule:nightly-tidy',
      scheduleId: created.body.id,
    });
    expect((await schedule()).lastFiredAt).toBe('2030-01-07T21:00:00.000Z');

    // Paused: the 23:00 firing does not happen; resumed: it fires again from then on.
    expect((await api.callWithStatus(API.schedules.pause, { params })).status).toBe(200);
    now = at('2030-01-07T22:00:00Z');
    server.server.scheduler.checkNow();
    expect(await jobs()).toHaveLength(1);
    const resumed = await api.call(API.schedules.resume, { params });
    expect(resumed.nextFireAt).toBe('2030-01-07T23:00:00.000Z');

    now = at('2030-01-07T23:00:00Z');
    server.server.scheduler.checkNow();
    expect(await jobs()).toHaveLength(2);

    // The server was down over night: the missed firings are not made up...
    now = at('2030-01-08T04:30:00Z');
    server.server.scheduler.checkNow();
    expect(await jobs()).toHaveLength(2);
    // ...and 06:00 Berlin is after the window: no job.
    expect((await schedule()).nextFireAt).toBe('2030-01-08T05:00:00.000Z');
    now = at('2030-01-08T05:00:00Z');
    server.server.scheduler.checkNow();
    expect(await jobs()).toHaveLength(2);
    const entries = await server.client().call(API.audit.list, { query: { action: 'schedule.' } });
    const audit = entries.map((entry) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['schedule.created', 'schedule.paused', 'schedule.resumed']));
  });

  it('refuses a cron expression that does not parse, an unknown time zone and a bad window', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { start: false });
    agents.push(agent);
    await server.client().call(API.scripts.add, { body: TIDY });
    const base = { name: 'x', script: 'tidy', deviceId: agent.deviceId, cron: '0 3 * * *', timeZone: 'UTC' };
    const refused = async (body: object, message: RegExp) => {
      const response = await server.raw<{ message: string }>(API.schedules.add, { body: { ...base, ...body } });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    };
    await refused({ cron: '61 * * * *' }, /cron expression "61 \* \* \* \*" does not parse/);
    await refused({ cron: '* * *' }, /must have five fields/);
    await refused({ timeZone: 'Mars/Olympus' }, /unknown time zone "Mars\/Olympus"/);
    await refused({ window: { start: '25:00', end: '05:00' } }, /window/);
    await refused({ deviceId: undefined }, /deviceId, group or tag/);
    expect(await server.client().call(API.schedules.list)).toHaveLength(0);
  });
});
