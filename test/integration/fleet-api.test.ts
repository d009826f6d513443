// The fleet API against a real server and real agents: rows with real health, OS and tickets;
// tags; moves; bulk actions answered per device, with roles and audit; preferences per user; and
// bad input refused without changing anything.
import { afterEach, describe, expect, it } from 'vitest';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { MAX_TAGS_PER_DEVICE, type FleetRow } from '../../protocol/api/fleet.js';
import { API } from '../../protocol/api/routes/index.js';
import { sampleHealth } from '../../agent/health/sampler.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const UNKNOWN = 'dev_0000000000';

describe('fleet API', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });
  const fleet = (query: { tag?: string; group?: string; software?: string } = {}, token?: string) =>
    server.client(token).call(API.fleet.list, { query });
  const rowOf = async (deviceId: string) => (await fleet()).find((row) => row.device.id === deviceId)!;
  const enroll = async (name: string) => {
    const agent = await enrollTestAgent(server, { name, config: { healthIntervalMs: 200 } });
    agents.push(agent);
    return agent;
  };

  it('shows each device with its latest real health sample, OS name, tags and open tickets', async () => {
    server = await startTestServer();
    const real = realSources();
    const agent = await enrollTestAgent(server, {
      name: 'front-desk',
      config: { healthIntervalMs: 200 },
      build: {
        sources: {
          ...real,
          collectInventory: async () => {
            const data: InventoryData = await real.collectInventory();
            data.software.push({
              name: 'Helpline Test Suite',
              version: '1.0',
              publisher: null,
              source: 'dpkg',
              installedAt: null,
              arch: null,
            });
            return data;
          },
        },
      },
    });
    agents.push(agent);
    const quiet = await enroll('spare-pc');
    await eventually(async () => (await rowOf(agent.deviceId))?.cpuPercent !== null, 20_000, 'a health sample');
    await eventually(async () => (await rowOf(agent.deviceId)).osName !== null, 20_000, 'the OS inventory');
    const latest = (await server.client().call(API.inventory.health, { params: { id: agent.deviceId }, query: {} }))
      .raw;
    const row = await rowOf(agent.deviceId);
    // The row's figures are those of a sample the API stored (a newer one may have come since).
    expect(latest.some((sample) => sample.cpuPct === row.cpuPercent)).toBe(true);
    expect(row.memoryPercent).toBeGreaterThan(0);
    expect(row.diskPercent).toBeGreaterThan(0);
    const os = (await server.client().call(API.inventory.show, { params: { id: agent.deviceId } })).sections.os!;
    expect(row.osName).toBe(`${os.distro} ${os.release}`.trim());
    expect(row).toMatchObject({ tags: [], openTickets: 0, device: { name: 'front-desk', online: true } });

    await server.client().call(API.tickets.create, { body: { subject: 'Screen flickers', deviceId: agent.deviceId } });
    await server.client().call(API.tickets.create, { body: { subject: 'Slow', deviceId: agent.deviceId } });
    expect((await rowOf(agent.deviceId)).openTickets).toBe(2);
    expect((await rowOf(quiet.deviceId)).openTickets).toBe(0);

    // Installed software is searched on the server, case-insensitively, by part of the name.
    await eventually(async () => (await fleet({ software: 'test suite' })).length === 1, 20_000, 'software');
    expect((await fleet({ software: 'TEST SUITE' })).map((found) => found.device.id)).toEqual([agent.deviceId]);
    expect(await fleet({ software: 'no such program anywhere' })).toEqual([]);
  });

  it('adds and removes tags case-insensitively, keeps the first spelling, filters by tag, and audits', async () => {
    server = await startTestServer();
    const [a, b] = [await enroll('pc-a'), await enroll('pc-b')];
    const tag = (id: string, change: { add?: string[]; remove?: string[] }) =>
      server.client().call(API.fleet.tag, { params: { id }, body: change });
    expect((await tag(a.deviceId, { add: ['Бухгалтерия', 'kiosk'] })).tags.sort()).toEqual(['kiosk', 'Бухгалтерия']);
    // The same tag in another case is the same tag: nothing new, the first spelling stays.
    expect((await tag(a.deviceId, { add: ['БУХГАЛТЕРИЯ'] })).tags.sort()).toEqual(['kiosk', 'Бухгалтерия']);
    await tag(b.deviceId, { add: ['KIOSK'] });
    const kiosks = (await fleet({ tag: 'Kiosk' })).map((row: FleetRow) => row.device.name).sort();
    expect(kiosks).toEqual(['pc-a', 'pc-b']);
    expect((await tag(a.deviceId, { remove: ['KIOSK'] })).tags).toEqual(['Бухгалтерия']);
    expect((await fleet({ tag: 'kiosk' })).map((row) => row.device.name)).toEqual(['pc-b']);
    const audit = await server.client().call(API.audit.list, { query: { action: 'device.tagged' } });
    expect(audit.map((entry) => entry.detail)).toContainEqual({ added: [], removed: ['kiosk'] });
    expect(audit.filter((entry) => entry.target === a.deviceId)).toHaveLength(2);

    // More than the limit is refused and changes nothing.
    const many = Array.from({ length: MAX_TAGS_PER_DEVICE }, (_, index) => `t${index}`);
    const refused = await server.raw<{ message: string }>(API.fleet.tag, {
      params: { id: a.deviceId },
      body: { add: many },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(new RegExp(`at most ${MAX_TAGS_PER_DEVICE}`));
    expect((await rowOf(a.deviceId)).tags).toEqual(['Бухгалтерия']);
  });

  it('moves a device to another group (admin only), whose check policy its agent then runs, and audits it', async () => {
    server = await startTestServer();
    // Threshold 0 on a real mount: under the accounting group's policy this PC has a fault at once.
    const mount = (await sampleHealth()).filesystems.find((fs) => fs.usedPct > 0)!.mount;
    await server.client().call(API.checkPolicies.set, {
      params: { group: 'accounting' },
      body: {
        checks: [
          {
            kind: 'disk_usage',
            id: 'disk',
            name: 'Disk',
            autoResolve: false,
            thresholdPct: 0,
            recoverBelowPct: 0,
            mount,
          },
        ],
      },
    });
    const agent = await enroll('pc-move');
    const tom = await server.addUser('tom', 'technician');
    const asTom = await server.raw(API.fleet.move, {
      params: { id: agent.deviceId },
      body: { group: 'accounting' },
      token: tom,
    });
    expect(asTom.status).toBe(403);
    const moved = await server.client().call(API.fleet.move, {
      params: { id: agent.deviceId },
      body: { group: 'accounting' },
    });
    expect(moved.group).toBe('accounting');
    const faults = async () =>
      (await server.client().call(API.tickets.list, { query: { deviceId: agent.deviceId } })).filter(
        (ticket) => ticket.source === 'fault',
      );
    await eventually(async () => (await faults()).length === 1, 20_000, "a fault under the new group's policy");
    // Group names compare case-insensitively: the existing group keeps its spelling.
    const again = await server.client().call(API.fleet.move, {
      params: { id: agent.deviceId },
      body: { group: 'ACCOUNTING' },
    });
    expect(again.group).toBe('accounting');
    expect((await fleet({ group: 'accounting' })).map((row) => row.device.id)).toEqual([agent.deviceId]);
    const [entry] = await server.client().call(API.audit.list, { query: { action: 'device.moved' } });
    expect(entry).toMatchObject({ target: agent.deviceId, detail: { from: 'default', to: 'accounting' } });
    const unknown = await server.raw(API.fleet.move, { params: { id: UNKNOWN }, body: { group: 'x' } });
    expect(unknown.status).toBe(404);
  });

  it('answers a bulk action per device, refuses an admin action to a technician before touching anything', async () => {
    server = await startTestServer();
    const [a, b] = [await enroll('bulk-a'), await enroll('bulk-b')];
    const tom = await server.addUser('tom', 'technician');
    const vera = await server.addUser('vera', 'viewer');
    const tagged = await server.client(tom).call(API.fleet.bulk, {
      body: { deviceIds: [a.deviceId, UNKNOWN, b.deviceId], action: { kind: 'tag', change: { add: ['floor-2'] } } },
    });
    expect(tagged.outcomes.map((outcome) => [outcome.deviceId, outcome.ok])).toEqual([
      [a.deviceId, true],
      [UNKNOWN, false],
      [b.deviceId, true],
    ]);
    expect(tagged.outcomes[1]).toMatchObject({ code: 'not_found', message: `no device ${UNKNOWN}` });
    expect((await fleet({ tag: 'floor-2' })).length).toBe(2);

    const revokeAsTom = await server.raw<{ message: string }>(API.fleet.bulk, {
      body: { deviceIds: [a.deviceId], action: { kind: 'revoke' } },
      token: tom,
    });
    expect(revokeAsTom.status).toBe(403);
    expect(revokeAsTom.body.message).toMatch(/only an admin may revoke/);
    expect((await rowOf(a.deviceId)).device.status).toBe('active');
    expect(
      (
        await server.raw(API.fleet.bulk, {
          body: { deviceIds: [a.deviceId], action: { kind: 'tag', change: {} } },
          token: vera,
        })
      ).status,
    ).toBe(403);

    // A bulk move is audited per device moved; the unknown id is that id's failure only.
    const moved = await server.client().call(API.fleet.bulk, {
      body: { deviceIds: [UNKNOWN, b.deviceId], action: { kind: 'move', group: 'lab' } },
    });
    expect(moved.outcomes).toMatchObject([
      { deviceId: UNKNOWN, ok: false, code: 'not_found' },
      { deviceId: b.deviceId, ok: true, device: { group: 'lab' } },
    ]);
    const movedAudit = await server.client().call(API.audit.list, { query: { action: 'device.moved' } });
    expect(movedAudit.map((entry) => entry.target)).toEqual([b.deviceId]);

    // An admin revokes both; a second approve of an active one is that device's failure only.
    const revoked = await server.client().call(API.fleet.bulk, {
      body: { deviceIds: [a.deviceId], action: { kind: 'revoke', reason: 'stolen' } },
    });
    expect(revoked.outcomes).toMatchObject([{ ok: true, device: { status: 'revoked' } }]);
    const approved = await server.client().call(API.fleet.bulk, {
      body: { deviceIds: [b.deviceId, a.deviceId], action: { kind: 'approve' } },
    });
    expect(approved.outcomes).toMatchObject([
      { deviceId: b.deviceId, ok: false, code: 'invalid_state' },
      { deviceId: a.deviceId, ok: false, code: 'invalid_state' },
    ]);
    const audit = await server.client().call(API.audit.list, { query: { action: 'device' } });
    expect(audit.filter((entry) => entry.action === 'devices.bulk').map((entry) => entry.detail)).toEqual([
      { kind: 'approve', devices: 2 },
      { kind: 'revoke', devices: 1 },
      { kind: 'move', devices: 2 },
      { kind: 'tag', devices: 3 },
    ]);
    expect(audit.filter((entry) => entry.action === 'device.revoked').map((entry) => entry.target)).toEqual([
      a.deviceId,
    ]);
  });

  it('keeps console preferences per user and refuses bad bodies with what was wrong', async () => {
    server = await startTestServer();
    const tom = await server.addUser('tom', 'technician');
    expect(await server.client(tom).call(API.fleet.preferences)).toEqual({});
    await server.client(tom).call(API.fleet.savePreferences, { body: { fleetColumns: ['cpu', 'group'] } });
    expect(await server.client(tom).call(API.fleet.preferences)).toEqual({ fleetColumns: ['cpu', 'group'] });
    expect(await server.client().call(API.fleet.preferences)).toEqual({});

    const badColumn = await server.raw<{ message: string }>(API.fleet.savePreferences, {
      body: { fleetColumns: ['cpu', 'shoe-size'] },
      token: tom,
    });
    expect(badColumn.status).toBe(400);
    expect(badColumn.body.message).toMatch(/fleetColumns/);
    expect(await server.client(tom).call(API.fleet.preferences)).toEqual({ fleetColumns: ['cpu', 'group'] });

    const agent = await enroll('pc-bad');
    for (const body of [
      { add: ['has space'] },
      { add: ['<img src=x>'] },
      { add: [''] },
      { add: ['ok'], extra: true },
    ]) {
      const refused = await server.raw(API.fleet.tag, { params: { id: agent.deviceId }, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const badKind = await server.raw(API.fleet.bulk, {
      body: { deviceIds: [agent.deviceId], action: { kind: 'wipe' } },
    });
    expect(badKind.status).toBe(400);
    const none = await server.raw(API.fleet.bulk, { body: { deviceIds: [], action: { kind: 'approve' } } });
    expect(none.status).toBe(400);
    expect((await rowOf(agent.deviceId)).tags).toEqual([]);
  });
});
