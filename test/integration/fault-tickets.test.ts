// Faults become tickets, end to end: a real agent measures this machine's file systems, the
// group's check policy decides what is a fault, and the server keeps one ticket per (device,
// check) with the PC's snapshot.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleHealth } from '../../agent/health/sampler.js';
import { parseListUnitFiles, parseListUnits, systemdServices } from '../../agent/platform/services/systemd.js';
import { API } from '../../protocol/api/routes/index.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import type { CheckPolicy } from '../../protocol/messages/checks.js';
import { createToken, enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A real mount of this machine that is neither empty nor full, so both thresholds can be set around it. */
async function watchableMount(): Promise<string> {
  const sample = await sampleHealth();
  const mount = sample.filesystems.find((fs) => fs.usedPct > 1 && fs.usedPct < 98);
  if (!mount)
    throw new Error(`no file system between 1 % and 98 % full on this machine: ${JSON.stringify(sample.filesystems)}`);
  return mount.mount;
}

const diskPolicy = (mount: string, thresholdPct: number, autoResolve: boolean): CheckPolicy => ({
  checks: [
    {
      kind: 'disk_usage',
      id: 'disk',
      name: 'File system almost full',
      autoResolve,
      thresholdPct,
      recoverBelowPct: thresholdPct,
      mount,
    },
  ],
});

describe('fault tickets', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  const deviceTickets = (deviceId: string) => server.client().call(API.tickets.list, { query: { deviceId } });
  const faultTickets = async (deviceId: string) =>
    (await deviceTickets(deviceId)).filter((ticket) => ticket.source === 'fault');
  const detail = (id: number) => server.client().call(API.tickets.show, { params: { id } });
  const setPolicy = (policy: CheckPolicy) =>
    server.client().call(API.checkPolicies.set, { params: { group: 'lab' }, body: policy });

  it('a failing check opens one ticket with a snapshot; repeats add to it; recovery notes and, if the policy says so, resolves it', async () => {
    server = await startTestServer();
    const mount = await watchableMount();
    // The group's policy replaces the default checks; nothing fails at 100 %.
    await setPolicy(diskPolicy(mount, 100, false));
    const agent = await enrollTestAgent(server, {
      token: await createToken(server, { group: 'lab' }),
      config: { healthIntervalMs: 100 },
    });
    agents.push(agent);
    const inventory = () => server.client().call(API.inventory.show, { params: { id: agent.deviceId } });
    await eventually(async () => Object.keys((await inventory()).sections).length > 0, 30_000, 'the inventory');
    // Threshold 0: this mount is "too full" at once; the online agent gets the policy now.
    await setPolicy(diskPolicy(mount, 0, false));

    await eventually(async () => (await faultTickets(agent.deviceId)).length > 0, 20_000, 'a fault ticket');
    const [ticket] = await faultTickets(agent.deviceId);
    const opened = await detail(ticket!.id);
    expect(opened.ticket.subject).toMatch(
      new RegExp(`^Disk ${mount.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is [\\d.]+ % full$`),
    );
    expect(opened.ticket.category).toBe('fault');
    expect(opened.ticket.requester).toEqual({ kind: 'system', name: 'system' });
    expect(opened.activeFaults).toEqual([`disk:${mount}`]);
    expect(opened.snapshot?.device.id).toBe(agent.deviceId);
    expect(opened.snapshot?.device.group).toBe('lab');
    expect(opened.snapshot?.health?.filesystems.some((fs) => fs.mount === mount)).toBe(true);
    expect(opened.snapshot?.health?.topCpu.length).toBeGreaterThan(0);
    expect(opened.snapshot?.summary.memory).toMatch(/B$/);

    // Recovery without autoResolve: a note, the ticket stays open.
    await setPolicy(diskPolicy(mount, 100, false));
    await eventually(
      async () =>
        (await detail(ticket!.id)).entries.some(
          (entry) => entry.kind === 'note' && entry.body.startsWith('Recovered: '),
        ),
      20_000,
      'the recovery note',
    );
    const recovered = await detail(ticket!.id);
    expect(recovered.ticket.status).toBe('new');
    expect(recovered.activeFaults).toEqual([]);

    // The fault comes back: the same ticket, no second one.
    await setPolicy(diskPolicy(mount, 0, false));
    await eventually(async () => (await detail(ticket!.id)).activeFaults.length === 1, 20_000, 'the repeat');
    expect(
      (await detail(ticket!.id)).entries.filter(
        (entry) => entry.kind === 'event' && entry.body.startsWith('Fault raised'),
      ),
    ).toHaveLength(1);
    expect(await faultTickets(agent.deviceId)).toHaveLength(1);

    // Recovery with autoResolve: a note and the ticket resolves itself.
    await setPolicy(diskPolicy(mount, 100, true));
    await eventually(async () => (await detail(ticket!.id)).ticket.status === 'resolved', 20_000, 'auto-resolve');
    const resolved = await detail(ticket!.id);
    expect(resolved.ticket.resolution).toMatch(/^Recovered by itself: File system .* is down to [\d.]+ % full/);
    expect(
      resolved.entries.filter((entry) => entry.kind === 'note' && entry.body.startsWith('Recovered: ')),
    ).toHaveLength(2);
    expect(await faultTickets(agent.deviceId)).toHaveLength(1);
    const audit = await server.client().call(API.audit.list, { query: { action: 'check_policy.changed' } });
    expect(audit.filter((entry) => entry.target === 'lab')).toHaveLength(5);
  });

  it('an agent restarted while a fault is raised does not raise it again', async () => {
    server = await startTestServer();
    const mount = await watchableMount();
    await setPolicy(diskPolicy(mount, 0, true));
    const token = await createToken(server, { group: 'lab' });
    const first = await enrollTestAgent(server, { token, config: { healthIntervalMs: 100 } });
    agents.push(first);
    await eventually(async () => (await faultTickets(first.deviceId)).length === 1, 20_000, 'a fault ticket');
    const [ticket] = await faultTickets(first.deviceId);
    await first.agent.stop();
    const { buildAgent } = await import('../../agent/build-agent.js');
    const { agentConfig } = await import('../../agent/config.js');
    const pino = (await import('pino')).default;
    const again = buildAgent(
      agentConfig({ stateDir: first.stateDir, healthIntervalMs: 100, reconnectBaseMs: 50, firstReconnectMaxMs: 50 }),
      { logger: pino({ level: 'silent' }), sources: realSources() },
    );
    const health = () => server.client().call(API.inventory.health, { params: { id: first.deviceId } });
    const samples = async () => (await health()).raw.length;
    const before = await samples();
    again.start();
    try {
      await eventually(async () => (await samples()) >= before + 5, 20_000, 'five more samples');
      const after = await detail(ticket!.id);
      expect(
        after.entries.filter((entry) => entry.kind === 'event' && entry.body.startsWith('Fault raised')),
      ).toHaveLength(0);
      expect(after.activeFaults).toEqual([`disk:${mount}`]);
    } finally {
      await again.stop();
    }
  });

  it('a stopped service opens a ticket between inventory runs, and its restart resolves it', async () => {
    // systemd does not run on this machine: the service list is recorded systemctl output, parsed
    // by the agent's own parser; the test stops and starts PostgreSQL in that list.
    const fixture = (name: string) => readFileSync(new URL(`../unit/fixtures/${name}`, import.meta.url), 'utf8');
    const recorded = systemdServices(
      parseListUnits(fixture('linux-systemctl-list-units.txt')),
      parseListUnitFiles(fixture('linux-systemctl-list-unit-files.txt')),
    );
    let postgresState: 'running' | 'stopped' = 'running';
    const listServices = async () =>
      recorded.map((service) =>
        service.name === 'postgresql@15-main.service' ? { ...service, state: postgresState } : service,
      );
    server = await startTestServer();
    await setPolicy({
      checks: [
        {
          kind: 'service_running',
          id: 'database',
          name: 'Database server down',
          autoResolve: true,
          service: 'postgresql@15-main',
        },
      ],
    });
    // An inventory interval of an hour: only the per-sample service listing can see the change.
    const agent = await enrollTestAgent(server, {
      token: await createToken(server, { group: 'lab' }),
      config: { healthIntervalMs: 100, inventoryIntervalMs: 3_600_000 },
      build: { sources: { ...realSources(), listServices } },
    });
    agents.push(agent);
    await agent.waitFor('online');
    postgresState = 'stopped';
    await eventually(async () => (await faultTickets(agent.deviceId)).length === 1, 20_000, 'the service ticket');
    const [ticket] = await faultTickets(agent.deviceId);
    expect(ticket!.subject).toMatch(/postgresql@15-main/);
    postgresState = 'running';
    await eventually(
      async () => (await detail(ticket!.id)).ticket.status === 'resolved',
      20_000,
      'the service ticket resolved',
    );
  });

  /** A "service" that is a marker file, seen through the recorded systemctl listing (no systemd here). */
  const markerService = () => {
    const fixture = (name: string) => readFileSync(new URL(`../unit/fixtures/${name}`, import.meta.url), 'utf8');
    const recorded = systemdServices(
      parseListUnits(fixture('linux-systemctl-list-units.txt')),
      parseListUnitFiles(fixture('linux-systemctl-list-unit-files.txt')),
    );
    const marker = join(mkdtempSync(join(tmpdir(), 'helpline-remedy-')), 'postgres-running');
    const listServices = async () =>
      recorded.map((service) =>
        service.name === 'postgresql@15-main.service'
          ? { ...service, state: existsSync(marker) ? ('running' as const) : ('stopped' as const) }
          : service,
      );
    return { marker, listServices };
  };

  it('remediation resolves the ticket even when the agent sees the fault clear before the job has reported', async () => {
    const { marker, listServices } = markerService();
    server = await startTestServer();
    // The script starts the "service" and finishes only once the test has seen the agent report the
    // recovery (the release file), so the job's result always comes after it, whatever the load.
    const release = `${marker}.release`;
    const body: ScriptRequest = {
      name: 'start-database',
      description: 'Starts the database.',
      interpreter: 'sh',
      platforms: ['linux'],
      body: 'touch "$HELPLINE_PARAM_MARKER"\nwhile [ ! -e "$HELPLINE_PARAM_RELEASE" ]; do sleep 0.1; done\n',
      params: [
        { name: 'marker', type: 'path', default: marker, description: 'the service marker' },
        { name: 'release', type: 'path', default: release, description: 'made once the recovery is noted' },
      ],
    };
    expect((await server.client().callWithStatus(API.scripts.add, { body })).status).toBe(201);
    await setPolicy({
      checks: [
        {
          kind: 'service_running',
          id: 'database',
          name: 'Database server down',
          autoResolve: false,
          service: 'postgresql@15-main',
          remediationScript: 'start-database',
        },
      ],
    });
    const agent = await enrollTestAgent(server, {
      token: await createToken(server, { group: 'lab' }),
      config: { healthIntervalMs: 100 },
      build: { sources: { ...realSources(), listServices } },
    });
    agents.push(agent);
    await eventually(async () => (await faultTickets(agent.deviceId)).length === 1, 20_000, 'the fault ticket');
    const [ticket] = await faultTickets(agent.deviceId);
    const noted = async () => (await detail(ticket!.id)).entries.some((entry) => entry.body.startsWith('Recovered: '));
    await eventually(noted, 20_000, 'the recovery noted while the script still runs');
    writeFileSync(release, '');
    await eventually(
      async () => (await detail(ticket!.id)).ticket.status === 'resolved',
      20_000,
      'the ticket resolved by remediation',
    );
    const fixed = await detail(ticket!.id);
    expect(fixed.ticket.resolution).toMatch(/^Fixed automatically by start-database: /);
    // The recovery was noted before the job's result arrived.
    const bodies = fixed.entries.map((entry) => entry.body);
    expect(bodies.findIndex((text) => text.startsWith('Recovered: '))).toBeLessThan(
      bodies.findIndex((text) => text.startsWith('Remediation start-database succeeded')),
    );
  });

  it('remediation: the script of the check runs on fault; if the fault clears the ticket resolves as fixed by it, if not the attempt is on record', async () => {
    const { marker, listServices } = markerService();
    server = await startTestServer();
    const script = (name: string, body: string) =>
      server.client().callWithStatus(API.scripts.add, {
        body: {
          name,
          description: 'Starts the database.',
          interpreter: 'sh',
          platforms: ['linux'],
          body,
          params: [{ name: 'marker', type: 'path', default: marker, description: 'the service marker' }],
        },
      });
    expect((await script('start-database', 'touch "$HELPLINE_PARAM_MARKER"\n')).status).toBe(201);
    expect((await script('start-database-badly', 'echo "cannot start" >&2\nexit 1\n')).status).toBe(201);
    const policy = (remediationScript: string): CheckPolicy => ({
      checks: [
        {
          kind: 'service_running',
          id: 'database',
          name: 'Database server down',
          autoResolve: false,
          service: 'postgresql@15-main',
          remediationScript,
        },
      ],
    });

    await setPolicy(policy('start-database-badly'));
    const agent = await enrollTestAgent(server, {
      token: await createToken(server, { group: 'lab' }),
      config: { healthIntervalMs: 200 },
      build: { sources: { ...realSources(), listServices } },
    });
    agents.push(agent);
    await eventually(async () => (await faultTickets(agent.deviceId)).length === 1, 20_000, 'the fault ticket');
    const [ticket] = await faultTickets(agent.deviceId);
    await eventually(
      async () =>
        (await detail(ticket!.id)).entries.some((entry) =>
          entry.body.startsWith('Remediation start-database-badly failed (exit 1)'),
        ),
      20_000,
      'the failed attempt on record',
    );
    expect((await detail(ticket!.id)).ticket.status).toBe('new');
    expect(existsSync(marker)).toBe(false);

    // The fault stays; the next raise (after a recovery) would try again. Here the policy changes
    // to the script that works, and the fault is raised again when the check starts afresh.
    await setPolicy({ checks: [] });
    await eventually(async () => (await detail(ticket!.id)).activeFaults.length === 0, 20_000, 'the old check dropped');
    await setPolicy(policy('start-database'));
    await eventually(
      async () => (await detail(ticket!.id)).ticket.status === 'resolved',
      30_000,
      'the ticket resolved by remediation',
    );
    const fixed = await detail(ticket!.id);
    expect(fixed.ticket.resolution).toMatch(/^Fixed automatically by start-database: /);
    expect(fixed.entries.some((entry) => entry.body.startsWith('Remediation start-database succeeded'))).toBe(true);
    expect(existsSync(marker)).toBe(true);
    const jobs = await server.client().call(API.jobs.list, { query: { deviceId: agent.deviceId } });
    expect(jobs.map((job) => [job.script, job.status, job.ticketId])).toEqual(
      expect.arrayContaining([
        ['start-database-badly', 'failed', ticket!.id],
        ['start-database', 'succeeded', ticket!.id],
      ]),
    );
  });

  it('reports a device offline past the limit, and resolves that when it connects again', async () => {
    let offset = 0;
    server = await startTestServer({}, { now: () => Date.now() + offset });
    const agent = await enrollTestAgent(server, { config: { healthIntervalMs: 60_000 } });
    agents.push(agent);
    await agent.waitFor('online');
    await agent.agent.stop();
    await eventually(() => !server.server.hub.isOnline(agent.deviceId), 5000, 'the device offline');
    offset = 29 * 60_000;
    server.server.offlineMonitor.checkNow();
    expect(await deviceTickets(agent.deviceId)).toHaveLength(0);
    offset = 31 * 60_000;
    server.server.offlineMonitor.checkNow();
    server.server.offlineMonitor.checkNow();
    const tickets = await deviceTickets(agent.deviceId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.subject).toMatch(/has been offline for 3\d minutes$/);

    const { buildAgent } = await import('../../agent/build-agent.js');
    const { agentConfig } = await import('../../agent/config.js');
    const pino = (await import('pino')).default;
    const back = buildAgent(
      agentConfig({ stateDir: agent.stateDir, healthIntervalMs: 60_000, reconnectBaseMs: 50, firstReconnectMaxMs: 50 }),
      { logger: pino({ level: 'silent' }) },
    );
    back.start();
    try {
      await eventually(
        async () => (await detail(tickets[0]!.id)).ticket.status === 'resolved',
        20_000,
        'the offline ticket resolved',
      );
      expect((await detail(tickets[0]!.id)).ticket.resolution).toMatch(/is connected again/);
    } finally {
      await back.stop();
    }
  });

  it('refuses an unsound policy with a clear error, and only admins may change one', async () => {
    server = await startTestServer();
    const params = { group: 'lab' };
    const bad = await server.raw(API.checkPolicies.set, {
      params,
      body: {
        checks: [
          {
            kind: 'cpu_usage',
            id: 'cpu',
            name: 'CPU',
            autoResolve: true,
            thresholdPct: 80,
            recoverBelowPct: 90,
            forMinutes: 5,
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/recoverBelowPct \(90\) must not be above thresholdPct \(80\)/);
    const unknownField = await server.raw(API.checkPolicies.set, { params, body: { checks: [], extra: 1 } });
    expect(unknownField.status).toBe(400);
    const technician = await server.addUser('tech', 'technician');
    const asTechnician = await server.raw(API.checkPolicies.set, { params, body: { checks: [] }, token: technician });
    expect(asTechnician.status).toBe(403);
    expect((await server.client(technician).call(API.checkPolicies.show, { params })).custom).toBe(false);
  });
});
