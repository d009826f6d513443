// The real compiled `helpline` CLI on a real server with real enrolled agents: tags added and
// removed by device name, shown and filtered in `devices list`, a move to another group (admins),
// `run --tag` making jobs for exactly the tagged devices, and `schedules add --tag` resolving the
// tag's devices when it fires (on a fake clock).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../protocol/api/jobs.js';
import { API } from '../../protocol/api/routes/index.js';
import type { ScheduleView } from '../../protocol/api/schedules.js';
import type { ScriptRequest } from '../../protocol/api/scripts.js';
import { signedInCli } from '../helpers/run-cli.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TIDY: ScriptRequest = {
  name: 'tidy',
  description: 'Tidies up.',
  interpreter: 'sh',
  platforms: ['linux'],
  body: 'echo tidy\n',
};

describe('helpline tags: device tag, devices list --tag, device move, run --tag, schedules add --tag', () => {
  let server: TestServer;
  let dir: string;
  let now = Date.now();
  const agents: Record<string, TestAgent> = {};
  const tokens: Record<string, string> = {};
  const { as } = signedInCli(() => ({ url: server.url, dir, tokens }), 60_000);
  const admin = as('admin');
  const tom = as('tom');
  const idOf = (name: string) => agents[name]!.deviceId;
  const jobDevices = async (query: { runId?: string } = {}) =>
    (await server.client().call(API.jobs.list, { query })).map((job) => job.deviceName).sort();

  beforeAll(async () => {
    server = await startTestServer({}, { now: () => now });
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-tags-'));
    tokens.admin = server.adminToken;
    tokens.tom = await server.addUser('tom', 'technician');
    // Not started: jobs wait in the queue for them, which is all a target needs.
    for (const name of ['Kiosk-1', 'kiosk-2', 'office-pc'])
      agents[name] = await enrollTestAgent(server, { name, start: false });
    await server.client().call(API.scripts.add, { body: TIDY });
  });
  afterAll(async () => {
    await Promise.all(Object.values(agents).map((agent) => agent.cleanup()));
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds and removes tags by device name, shows them in devices list and filters by them', async () => {
    const added = await tom('device', 'tag', 'kiosk-1', 'add', 'Lobby', 'floor-1');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe(`Kiosk-1 (${idOf('Kiosk-1')}) has floor-1, Lobby.\n`);
    // The same tag in another case is the same tag.
    expect((await tom('device', 'tag', 'kiosk-2', 'add', 'LOBBY', 'temp')).code).toBe(0);
    expect((await tom('device', 'tag', 'kiosk-2', 'remove', 'TEMP')).stdout).toBe(
      `kiosk-2 (${idOf('kiosk-2')}) has LOBBY.\n`,
    );

    const table = await tom('devices', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+GROUP\s+TAGS\s+STATUS\s+ONLINE\s+LAST SEEN\s+AGENT$/);
    expect(table.stdout).toMatch(
      new RegExp(`^${idOf('Kiosk-1')}\\s+Kiosk-1\\s+default\\s+floor-1,Lobby\\s+active\\s`, 'm'),
    );
    expect(table.stdout).toMatch(new RegExp(`^${idOf('office-pc')}\\s+office-pc\\s+default\\s+-\\s+active\\s`, 'm'));

    const listed = await tom('devices', 'list', '--tag', 'lobby', '--json');
    const devices = JSON.parse(listed.stdout) as Array<{ name: string; tags: string[]; fingerprint: string }>;
    expect(devices.map((device) => [device.name, device.tags])).toEqual([
      ['Kiosk-1', ['floor-1', 'Lobby']],
      ['kiosk-2', ['LOBBY']],
    ]);
    expect(devices[0]!.fingerprint).toBeTruthy();
    expect(await tom('devices', 'list', '--tag', 'nowhere')).toMatchObject({
      code: 0,
      stdout: 'No device has the tag nowhere.\n',
    });

    const bad = await tom('device', 'tag', 'office-pc', 'add', 'has space');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      '"has space" is not a tag: letters and digits, then also . _ - (no spaces), at most 40',
    );
    const badOperation = await tom('device', 'tag', 'office-pc', 'replace', 'x');
    expect(badOperation.code).not.toBe(0);
    expect(badOperation.stderr).toMatch(/add, remove|choices/i);
    // Nothing changed by the refused ones.
    const tags = (await server.client().call(API.fleet.list, { query: {} })).flatMap((row) => row.tags);
    expect(tags.sort()).toEqual(['LOBBY', 'Lobby', 'floor-1']);
    const audit = await server.client().call(API.audit.list, { query: { action: 'device.tagged' } });
    expect(audit.map((entry) => [entry.actor, entry.target])).toContainEqual(['tom', idOf('Kiosk-1')]);
  });

  it('moves a device to another group, for admins only', async () => {
    const refused = await tom('device', 'move', 'office-pc', 'accounting');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|admin|not allowed/i);
    const moved = await admin('device', 'move', 'office-pc', 'accounting');
    expect(moved).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Moved office-pc (${idOf('office-pc')}) to group accounting.\n`,
    });
    expect((await server.client().call(API.devices.show, { params: { id: idOf('office-pc') } })).group).toBe(
      'accounting',
    );
  });

  it('runs a script on exactly the devices with a tag', async () => {
    const ran = await tom('run', 'tidy', '--tag', 'LOBBY', '--json');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const run = JSON.parse(ran.stdout) as RunView;
    expect(await jobDevices({ runId: run.runId })).toEqual(['Kiosk-1', 'kiosk-2']);

    const both = await tom('run', 'tidy', '--tag', 'lobby', '--group', 'default');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/--on DEVICE\.\.\., --group NAME or --tag TAG \(one of them\)/);
    const none = await tom('run', 'tidy', '--tag', 'nowhere');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/tag nowhere has no active device/);

    // The server refuses what the CLI would not send, and queues nothing.
    const jobsBefore = (await server.client().call(API.jobs.list, { query: {} })).length;
    for (const [body, message] of [
      [{ script: 'tidy', tag: 'lobby', group: 'default' }, /deviceIds, group or tag \(exactly one of them\)/],
      [{ script: 'tidy', tag: 'has space' }, /tag/],
    ] as const) {
      const refused = await server.raw<{ message: string }>(API.jobs.run, { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.message).toMatch(message);
    }
    expect((await server.client().call(API.jobs.list, { query: {} })).length).toBe(jobsBefore);
  });

  it("adds a schedule on a tag, which runs on the tag's devices of the moment it fires", async () => {
    const added = await tom(
      'schedules',
      'add',
      'hourly-tidy',
      '--script',
      'tidy',
      '--tag',
      'Lobby',
      '--cron',
      '0 * * * *',
      '--json',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const schedule = JSON.parse(added.stdout) as ScheduleView;
    const twoTargets = await server.raw<{ message: string }>(API.schedules.add, {
      body: { name: 'both', script: 'tidy', tag: 'lobby', group: 'default', cron: '0 * * * *', timeZone: 'UTC' },
    });
    expect(twoTargets.status).toBe(400);
    expect(twoTargets.body.message).toMatch(/deviceId, group or tag \(exactly one of them\)/);
    expect((await server.client().call(API.schedules.list)).map((listed) => listed.name)).toEqual(['hourly-tidy']);
    expect(schedule.target).toEqual({ kind: 'tag', value: 'Lobby' });
    expect((await tom('schedules', 'list')).stdout).toMatch(
      new RegExp(`^#${schedule.id}\\s+hourly-tidy\\s+tidy\\s+tag Lobby\\s`, 'm'),
    );

    // After it was added: one kiosk leaves the tag, the office PC gets it.
    expect((await tom('device', 'tag', 'kiosk-2', 'remove', 'lobby')).code).toBe(0);
    expect((await tom('device', 'tag', 'office-pc', 'add', 'lobby')).code).toBe(0);
    const before = (await server.client().call(API.jobs.list, { query: {} })).length;
    now = Date.parse(schedule.nextFireAt!);
    server.server.scheduler.checkNow();
    const scheduled = (await server.client().call(API.jobs.list, { query: {} })).filter(
      (job) => job.scheduleId === schedule.id,
    );
    expect(scheduled.map((job) => job.deviceName).sort()).toEqual(['Kiosk-1', 'office-pc']);
    expect((await server.client().call(API.jobs.list, { query: {} })).length).toBe(before + 2);
  });
});
