// The real compiled `helpline` CLI on a real server: maintenance start (by device name or group),
// list, end (by device, group or id), --json, and the refusals of bad input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceView } from '../../protocol/api/maintenance.js';
import { API } from '../../protocol/api/routes/index.js';
import { signedInCli } from '../helpers/run-cli.js';
import { createToken, enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('helpline maintenance', () => {
  let server: TestServer;
  let dir: string;
  let agent: TestAgent;
  const tokens: Record<string, string> = {};
  const cli = signedInCli(() => ({ url: server.url, dir, tokens }));
  const tom = cli.as('tom');
  const vera = cli.as('vera');

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-maintenance-'));
    tokens.tom = await server.addUser('tom', 'technician');
    tokens.vera = await server.addUser('vera', 'viewer');
    agent = await enrollTestAgent(server, { token: await createToken(server, { group: 'lab' }), name: 'front-desk' });
  });
  afterAll(async () => {
    await agent?.cleanup();
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, lists and ends maintenance on a device by name and on a group', async () => {
    expect(await tom('maintenance', 'list')).toMatchObject({ code: 0, stdout: 'Nothing is in maintenance.\n' });
    const started = await tom('maintenance', 'start', '--on', 'front-desk', '--for', '2h', '--reason', 'new disk');
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toMatch(
      /^Started maintenance #1 \(device front-desk\) until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d; its faults open no tickets until then\.\n$/,
    );
    const group = await tom('maintenance', 'start', '--group', 'lab', '--for', '30m', '--json');
    expect(group.code).toBe(0);
    const groupWindow = JSON.parse(group.stdout) as MaintenanceView;
    expect(groupWindow).toMatchObject({ target: { kind: 'group', value: 'lab' }, reason: null, startedBy: 'tom' });

    // Viewers may look.
    const listed = await vera('maintenance', 'list');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TARGET\s+UNTIL\s+REASON\s+BY\s+FAULTS$/);
    // The group's ends first (30 minutes), then the device's (2 hours).
    expect(lines[1]).toMatch(/^#2\s+group lab\s+\S+ \S+\s+-\s+tom\s+0$/);
    expect(lines[2]).toMatch(/^#1\s+device front-desk\s+\S+ \S+\s+new disk\s+tom\s+0$/);
    const json = JSON.parse((await vera('maintenance', 'list', '--json')).stdout) as MaintenanceView[];
    expect(json.map((window) => [window.id, window.target.kind, window.active])).toEqual([
      [2, 'group', true],
      [1, 'device', true],
    ]);
    const refused = await vera('maintenance', 'end', '1');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|not allowed|role/i);

    const endDevice = await tom('maintenance', 'end', '--on', agent.deviceId);
    expect(endDevice).toMatchObject({ code: 0, stderr: '' });
    expect(endDevice.stdout).toBe(
      'Ended maintenance #1 (device front-desk); 0 fault(s) were recorded during it. New faults open tickets again.\n',
    );
    // Still covered through its group: said so, with how to end that.
    const throughGroup = await tom('maintenance', 'end', '--on', 'front-desk');
    expect(throughGroup.code).not.toBe(0);
    expect(throughGroup.stderr).toContain('in maintenance through group lab (#2)');
    expect(await tom('maintenance', 'end', '--group', 'lab')).toMatchObject({ code: 0 });
    expect(await server.client().call(API.maintenance.list, { query: {} })).toEqual([]);
    const again = await tom('maintenance', 'end', '#2');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('maintenance #2 is over already');
  });

  it('refuses bad input before asking the server, and names what is wrong', async () => {
    const both = await tom('maintenance', 'start', '--on', 'front-desk', '--group', 'lab', '--for', '2h');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('--on DEVICE or --group NAME (one of them, not both)');
    const neither = await tom('maintenance', 'start', '--for', '2h');
    expect(neither.code).not.toBe(0);
    expect(neither.stderr).toContain('one of them');
    const badFor = await tom('maintenance', 'start', '--on', 'front-desk', '--for', 'two hours');
    expect(badFor.code).not.toBe(0);
    expect(badFor.stderr).toContain('--for: the duration is a number and a unit, like 30m, 2h or 1d, not "two hours"');
    const tooLong = await tom('maintenance', 'start', '--group', 'lab', '--for', '45d');
    expect(tooLong.stderr).toContain('at most 30d (30 days)');
    const noFor = await tom('maintenance', 'start', '--group', 'lab');
    expect(noFor.code).not.toBe(0);
    expect(noFor.stderr).toMatch(/for/);
    const noDevice = await tom('maintenance', 'start', '--on', 'nobody', '--for', '1h');
    expect(noDevice.stderr).toContain('no device has the id or name "nobody"');
    const noGroup = await tom('maintenance', 'start', '--group', 'nowhere', '--for', '1h');
    expect(noGroup.stderr).toContain('no group nowhere');
    const notInMaintenance = await tom('maintenance', 'end', '--on', 'front-desk');
    expect(notInMaintenance.stderr).toContain('front-desk is not in maintenance');
    const badId = await tom('maintenance', 'end', 'x1');
    expect(badId.stderr).toContain('a maintenance id is a number like 3 or #3');
    expect(await server.client().call(API.maintenance.list, { query: {} })).toEqual([]);
  });
});
