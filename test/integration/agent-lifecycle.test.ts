import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { CloseCode } from '../../protocol/close-codes.js';
import { createToken, enrollTestAgent, eventually, testPlatform, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('agent lifecycle against a real server', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  const device = (id: string) => server.client().call(API.devices.show, { params: { id } });

  it('enrolls, connects and is listed online', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    const list = await server.client().call(API.devices.list);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: agent.deviceId, status: 'active', online: true });
    const audit = await server.client().call(API.audit.list, { query: { action: 'device.enrolled' } });
    expect(audit.map((entry) => entry.target)).toEqual([agent.deviceId]);
  });

  it('comes back online by itself after the server restarts', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await server.stop();
    await agent.waitFor('waiting');
    await server.restart();
    await agent.waitFor('online');
    await eventually(async () => (await device(agent.deviceId)).online, 10_000, 'device online after restart');
    expect(agent.agent.sessions).toBe(2);
  });

  it('keeps a device needing approval out until an admin approves it', async () => {
    server = await startTestServer({ pendingRetryAfterSec: 1 });
    const agent = await enrollTestAgent(server, { approval: true });
    agents.push(agent);
    await agent.waitFor('waiting');
    const pending = await device(agent.deviceId);
    expect(pending).toMatchObject({ status: 'pending', online: false });
    const approved = await server.client().callWithStatus(API.devices.approve, { params: { id: agent.deviceId } });
    expect(approved.status).toBe(200);
    await agent.waitFor('online', 10_000);
    expect((await device(agent.deviceId)).online).toBe(true);
  });

  it('disconnects a revoked device at once and refuses it afterwards', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    const offline = new Promise<{ code: number }>((resolve) => agent.agent.once('offline', resolve));
    const revoked = new Promise<void>((resolve) => agent.agent.once('revoked', resolve));
    const revoke = { params: { id: agent.deviceId }, body: { reason: 'stolen laptop' } };
    const response = await server.client().callWithStatus(API.devices.revoke, revoke);
    expect(response.status).toBe(200);
    expect((await offline).code).toBe(CloseCode.DeviceRevoked);
    await revoked;
    expect(agent.agent.status).toBe('revoked');
    expect((await device(agent.deviceId)).online).toBe(false);

    // The same identity, started again, is refused during the upgrade and stops for good.
    const again = await enrollTestAgent(server);
    agents.push(again);
    await again.waitFor('online');
    const { buildAgent } = await import('../../agent/build-agent.js');
    const { agentConfig } = await import('../../agent/config.js');
    const pino = (await import('pino')).default;
    const restarted = buildAgent(agentConfig({ stateDir: agent.stateDir }), { logger: pino({ level: 'silent' }) });
    const refused = new Promise<void>((resolve) => restarted.once('revoked', resolve));
    restarted.start();
    await refused;
    expect(restarted.status).toBe('revoked');
    expect(server.logs.some((line) => line.code === 'device_revoked')).toBe(true);
    // Other agents are unaffected.
    expect(again.agent.status).toBe('online');
  });

  it('denies a second key for an already enrolled PC until an admin decides', async () => {
    server = await startTestServer({ pendingRetryAfterSec: 1 });
    const platform = testPlatform('same-pc');
    const first = await enrollTestAgent(server, { platform });
    agents.push(first);
    await first.waitFor('online');
    const second = await enrollTestAgent(server, { platform, token: await createToken(server) });
    agents.push(second);
    await second.waitFor('waiting');
    const denied = await device(second.deviceId);
    expect(denied.status).toBe('denied');
    expect(denied.statusReason).toContain(first.deviceId);
    await server.client().call(API.devices.approve, { params: { id: second.deviceId } });
    await second.waitFor('online');
  });

  it('re-handshakes when the session budget is spent and stays online', async () => {
    server = await startTestServer({ rekeyAfterMessages: 5 });
    const agent = await enrollTestAgent(server, { config: { heartbeatIntervalMs: 100 }, start: false });
    agents.push(agent);
    const closeCodes: number[] = [];
    agent.agent.on('offline', ({ code }) => closeCodes.push(code));
    agent.agent.start();
    await eventually(() => agent.agent.sessions >= 3, 10_000, 'three sessions');
    await agent.waitFor('online');
    expect(closeCodes.slice(0, 2)).toEqual([CloseCode.Rekey, CloseCode.Rekey]);
    expect((await device(agent.deviceId)).online).toBe(true);
  });
});
