// Health samples and the durable outbox: nothing lost, nothing doubled, whatever goes down.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { buildAgent } from '../../agent/build-agent.js';
import { agentConfig } from '../../agent/config.js';
import { sampleHealth } from '../../agent/health/sampler.js';
import { API } from '../../protocol/api/routes/index.js';
import { encodeAgentToServer } from '../../protocol/envelope.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { enrollRawIdentity, rawConnect } from '../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('health and the outbox', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server.cleanup();
  });
  const health = (id: string, since?: string) =>
    server.client().call(API.inventory.health, { params: { id }, query: { since } });

  it('stores real samples and rolls them up hourly', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { config: { healthIntervalMs: 150 } });
    agents.push(agent);
    await eventually(async () => (await health(agent.deviceId)).raw.length >= 3, 20_000, 'three samples');
    const raw = await health(agent.deviceId, '1h');
    expect(raw.resolution).toBe('raw');
    expect(raw.raw[0]!.memUsedBytes).toBeGreaterThan(0);
    expect(raw.raw[0]!.processCount).toBeGreaterThan(0);
    expect(raw.raw[0]!.topCpu.length).toBeGreaterThan(0);
    await agent.agent.stop();
    const stored = (await health(agent.deviceId, '1h')).raw;
    const rolled = await health(agent.deviceId, '7d');
    expect(rolled.resolution).toBe('hourly');
    const memory = stored.map((sample) => sample.memUsedPct);
    const hours = rolled.hourly.map((entry) => entry.metrics.memUsedPct!);
    expect(Math.min(...hours.map((h) => h.min))).toBe(Math.min(...memory));
    expect(Math.max(...hours.map((h) => h.max))).toBe(Math.max(...memory));
    if (hours.length === 1) expect(hours[0]!.avg).toBeCloseTo(memory.reduce((a, b) => a + b, 0) / memory.length, 1);
  });

  it('delivers every sample exactly once, in order, across a server outage and an agent restart', async () => {
    server = await startTestServer();
    const produced: number[] = [];
    let sampling = true;
    let inProgress = 0;
    const sources = {
      ...realSources(),
      sampleHealth: async () => {
        if (!sampling) throw new Error('sampling paused by the test');
        inProgress++;
        try {
          const sample = await sampleHealth();
          produced.push(sample.at);
          return sample;
        } finally {
          inProgress--;
        }
      },
    };
    const config = { healthIntervalMs: 100 };
    const first = await enrollTestAgent(server, { config, build: { sources } });
    agents.push(first);
    await first.waitFor('online');
    await eventually(() => produced.length >= 3, 10_000, 'samples before the outage');

    await server.stop();
    const countAtOutage = produced.length;
    await eventually(() => produced.length >= countAtOutage + 5, 10_000, 'samples while the server is down');
    await first.agent.stop();
    const queuedByFirst = produced.length;

    // The agent restarts while the server is still down: the outbox on disk carries on.
    const second = buildAgent(
      agentConfig({
        stateDir: first.stateDir,
        reconnectBaseMs: 50,
        reconnectCapMs: 300,
        firstReconnectMaxMs: 50,
        ...config,
      }),
      { logger: pino({ level: 'silent' }), sources },
    );
    second.start();
    await eventually(() => produced.length >= queuedByFirst + 5, 10_000, 'samples after the agent restarted offline');
    expect(second.outbox.stats().count).toBeGreaterThanOrEqual(8);

    await server.restart();
    await eventually(() => second.status === 'online', 10_000, 'reconnect');
    sampling = false;
    await eventually(() => inProgress === 0 && second.outbox.stats().count === 0, 10_000, 'outbox drained');
    const outboxStats = second.outbox.stats();
    await second.stop();
    const expected = [...produced];
    const stored = async () => (await health(first.deviceId, '1h')).raw.map((sample) => sample.at);
    await eventually(async () => (await stored()).length >= expected.length, 10_000, 'every sample stored');
    expect(await stored()).toEqual(expected);
    expect(outboxStats).toMatchObject({ count: 0, droppedHealth: 0, droppedOther: 0, rejected: 0 });
  });

  it('refuses an inventory or health message that fails its schema, and stores nothing of it', async () => {
    server = await startTestServer();
    const identity = await enrollRawIdentity(server);
    const outcome = await rawConnect(server, identity);
    if (!outcome.upgraded) throw new Error('refused');
    const connection = outcome.connection;
    connection.hello();
    const deviceId = identity.identity.deviceId;
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    connection.sendSealed(
      encode({
        v: 1,
        id: 'o1',
        type: 'inventory.report',
        body: {
          seq: 1,
          full: true,
          collectedAt: Date.now(),
          sections: { memory: { total: 'lots', swapTotal: 0, modules: [] } },
        },
      }),
    );
    connection.sendSealed(
      encode({ v: 1, id: 'o2', type: 'health.batch', body: { seq: 2, samples: [{ at: Date.now(), cpuPct: 250 }] } }),
    );
    await eventually(
      () => connection.received.filter((message) => message.type === 'server.error').length === 2,
      5000,
      'two refusals',
    );
    const refusals = connection.received
      .filter((message) => message.type === 'server.error')
      .map((message) => message.body);
    expect(refusals.map((refusal) => [refusal.inReplyTo, refusal.code])).toEqual([
      ['o1', 'invalid_message'],
      ['o2', 'invalid_message'],
    ]);
    expect(refusals[0]!.message).toContain('/sections/memory/total');
    expect(server.logs.some((line) => line.inReplyTo === 'o1' && line.msg === 'agent message refused')).toBe(true);

    // A valid report afterwards is stored normally; the bad one left no trace.
    const good = await realSources().collectInventory();
    connection.sendSealed(
      encodeAgentToServer(
        'inventory.report',
        { seq: 3, full: true, collectedAt: Date.now(), sections: { memory: good.memory } },
        'o3',
      ),
    );
    await eventually(() => connection.received.some((message) => message.type === 'outbox.ack'), 5000, 'ack');
    const inventory = await server.client().call(API.inventory.show, { params: { id: deviceId } });
    expect(Object.keys(inventory.sections)).toEqual(['memory']);
    expect(inventory.sections.memory!.total).toBe(good.memory.total);
    expect((await health(deviceId)).raw).toEqual([]);
    connection.ws.close();
  });
});
