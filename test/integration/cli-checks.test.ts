// The real compiled `helpline` CLI on a real server: check policies per device group (show, set
// from a file or standard input, list, reset, and the refusals), a fault ticket opened by a real
// agent shown with the PC's snapshot, and a requester rating a resolved ticket.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleHealth } from '../../agent/health/sampler.js';
import { API } from '../../protocol/api/routes/index.js';
import type { CheckPolicy } from '../../protocol/messages/checks.js';
import { signedInCli, type CliResult } from '../helpers/run-cli.js';
import { createToken, enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A real mount of this machine that is neither empty nor full (as in fault-tickets.test.ts). */
async function watchableMount(): Promise<string> {
  const sample = await sampleHealth();
  const mount = sample.filesystems.find((fs) => fs.usedPct > 1 && fs.usedPct < 98);
  if (!mount)
    throw new Error(`no file system between 1 % and 98 % full on this machine: ${JSON.stringify(sample.filesystems)}`);
  return mount.mount;
}

const LAB_POLICY: CheckPolicy = {
  checks: [
    {
      kind: 'disk_usage',
      id: 'data-disk',
      name: 'Data disk almost full',
      autoResolve: true,
      thresholdPct: 90,
      recoverBelowPct: 85,
      mount: '/data',
      remediationScript: 'clean-temp',
    },
    { kind: 'service_running', id: 'printing', name: 'Printing stopped', autoResolve: true, service: 'cups' },
    {
      kind: 'memory_usage',
      id: 'memory',
      name: 'Memory use high',
      autoResolve: false,
      thresholdPct: 95,
      recoverBelowPct: 90,
      forMinutes: 120,
    },
  ],
};

describe('helpline checks, ticket show with a snapshot, and ticket rate', () => {
  let server: TestServer;
  let dir: string;
  const agents: TestAgent[] = [];
  const tokens: Record<string, string> = {};
  const cli = signedInCli(() => ({ url: server.url, dir, tokens }));
  const as = cli.as;
  const admin = as('admin');
  const tom = as('tom');
  const adminWithStdin = (input: string, ...args: string[]): Promise<CliResult> =>
    cli.withStdin('admin', input, ...args);
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const policyOf = (group: string) => server.client().call(API.checkPolicies.show, { params: { group } });
  const detail = (id: number) => server.client().call(API.tickets.show, { params: { id } });

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-checks-'));
    tokens.admin = server.adminToken;
    tokens.tom = await server.addUser('tom', 'technician');
  });
  afterAll(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the default policy, in words, for a group without one of its own', async () => {
    const shown = await tom('checks', 'show', 'nobody-here');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    const lines = shown.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Group nobody-here runs the default check policy (6 checks):');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {4}disk\s+File system almost full: disk use above 90 % \(recovers below 85 %\), every file system, resolves itself$/,
      ),
      expect.stringMatching(
        /^ {4}memory\s+Memory use high: memory use above 95 % for 10 min \(recovers below 90 %\), resolves itself$/,
      ),
      expect.stringMatching(
        /^ {4}cpu\s+CPU use high: CPU use above 95 % for 15 min \(recovers below 85 %\), resolves itself$/,
      ),
      expect.stringMatching(
        /^ {4}smart\s+Disk reports a SMART failure: a disk reports a SMART failure, needs a person to resolve$/,
      ),
      expect.stringMatching(
        /^ {4}battery\s+Battery worn out: capacity below 60 % of design \(recovers above 65 %\), needs a person to resolve$/,
      ),
      expect.stringMatching(/^ {4}offline\s+Device offline: offline for more than 30 min, resolves itself$/),
    ]);
    const json = await tom('checks', 'show', 'nobody-here', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ group: 'nobody-here', custom: false, updatedBy: null });
    expect(await tom('checks', 'list')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('No group has a check policy of its own'),
    });
  });

  it('sets a policy from a file; show and list then have it, and reset returns the group to the default', async () => {
    const set = await admin('checks', 'set', 'lab', file('lab.json', JSON.stringify(LAB_POLICY, null, 2)));
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe(
      'Group lab now runs its own check policy (3 checks); online agents of the group have it now.\n',
    );
    expect(await policyOf('lab')).toMatchObject({ custom: true, policy: LAB_POLICY, updatedBy: 'admin' });

    const shown = await tom('checks', 'show', 'lab');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(
      /^Group lab runs its own check policy \(3 checks; set by admin, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\):$/m,
    );
    expect(shown.stdout).toContain(
      'data-disk  Data disk almost full: disk use above 90 % (recovers below 85 %), mount /data, resolves itself, remediation: clean-temp',
    );
    expect(shown.stdout).toContain('printing   Printing stopped: service "cups" not running, resolves itself');
    expect(shown.stdout).toContain(
      'memory     Memory use high: memory use above 95 % for 2 h (recovers below 90 %), needs a person to resolve',
    );

    const list = await tom('checks', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout.split('\n')[0]).toMatch(/^GROUP\s+CHECKS\s+UPDATED BY\s+UPDATED$/);
    expect(list.stdout).toMatch(/^lab\s+3\s+admin\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);
    expect(JSON.parse((await tom('checks', 'list', '--json')).stdout)).toEqual([
      expect.objectContaining({ group: 'lab', custom: true }),
    ]);

    const reset = await admin('checks', 'reset', 'lab');
    expect(reset).toMatchObject({ code: 0, stderr: '', stdout: 'Group lab runs the default check policy again.\n' });
    expect(await policyOf('lab')).toMatchObject({ custom: false });
    expect((await tom('checks', 'show', 'lab')).stdout).toContain(
      'Group lab runs the default check policy (6 checks):',
    );
    const again = await admin('checks', 'reset', 'lab');
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toContain('already runs the default');
  });

  it('reads the policy from standard input for "-"', async () => {
    const set = await adminWithStdin(
      JSON.stringify({ checks: [LAB_POLICY.checks[1]] }),
      'checks',
      'set',
      'office',
      '-',
    );
    expect(set).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Group office now runs its own check policy (1 check); online agents of the group have it now.\n',
    });
    expect((await policyOf('office')).policy.checks).toEqual([LAB_POLICY.checks[1]]);
    const empty = await adminWithStdin('', 'checks', 'set', 'office', '-');
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('standard input is empty') });
  });

  it('refuses a file that is not JSON before asking the server, naming the file and the JSON error', async () => {
    const path = file('broken.json', '{ "checks": [ ');
    const result = await admin('checks', 'set', 'broken', path);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(`helpline: ${path} is not valid JSON: `);
    expect(result.stderr).toMatch(/JSON/);
    const missing = await admin('checks', 'set', 'broken', join(dir, 'no-such.json'));
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no-such.json: ENOENT') });
    expect(await policyOf('broken')).toMatchObject({ custom: false });
  });

  it("passes on the server's refusal of an unsound policy, and tells a technician that only admins may set one", async () => {
    const unsound = {
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
    };
    const refused = await admin('checks', 'set', 'strict', file('unsound.json', JSON.stringify(unsound)));
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('recoverBelowPct (90) must not be above thresholdPct (80)');
    expect(await policyOf('strict')).toMatchObject({ custom: false });

    const forbidden = await tom('checks', 'set', 'strict', file('good.json', JSON.stringify(LAB_POLICY)));
    expect(forbidden).toMatchObject({ code: 1, stdout: '' });
    expect(forbidden.stderr).toMatch(/needs the role admin.*\(forbidden\)/);
    expect(await tom('checks', 'reset', 'office')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('(forbidden)'),
    });
    expect(await policyOf('strict')).toMatchObject({ custom: false });
  });

  it(
    'shows a fault ticket of a real agent with what still fails and the snapshot of the PC',
    { timeout: 90_000 },
    async () => {
      const mount = await watchableMount();
      const disk = (thresholdPct: number): CheckPolicy => ({
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
      expect(await admin('checks', 'set', 'fault-lab', file('calm.json', JSON.stringify(disk(100))))).toMatchObject({
        code: 0,
      });
      const agent = await enrollTestAgent(server, {
        token: await createToken(server, { group: 'fault-lab' }),
        config: { healthIntervalMs: 100 },
      });
      agents.push(agent);
      const inventory = () => server.client().call(API.inventory.show, { params: { id: agent.deviceId } });
      await eventually(async () => Object.keys((await inventory()).sections).length > 0, 30_000, 'the inventory');
      // Threshold 0: the mount is "too full" at once; the online agent gets the policy now.
      expect(await admin('checks', 'set', 'fault-lab', file('failing.json', JSON.stringify(disk(0))))).toMatchObject({
        code: 0,
      });
      const faultTicket = async () => {
        const tickets = await server.client().call(API.tickets.list, { query: { deviceId: agent.deviceId } });
        return tickets.find((ticket) => ticket.source === 'fault');
      };
      await eventually(async () => (await faultTicket()) !== undefined, 20_000, 'a fault ticket');
      const { id } = (await faultTicket())!;
      await eventually(
        async () => (await detail(id)).activeFaults.length > 0 && (await detail(id)).snapshot?.health != null,
        20_000,
        'the fault raised with a snapshot',
      );

      const shown = await tom('ticket', 'show', String(id));
      expect(shown).toMatchObject({ code: 0, stderr: '' });
      expect(shown.stdout).toContain(`Still failing: disk:${mount}`);
      expect(shown.stdout).toMatch(/^Snapshot of the PC \(taken \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\):$/m);
      expect(shown.stdout).toMatch(
        new RegExp(`^ {4}device:\\s+\\S.* \\(${agent.deviceId}\\), group fault-lab, agent \\S+$`, 'm'),
      );
      expect(shown.stdout).toMatch(/^ {4}memory:\s+\S.*B/m);
      expect(shown.stdout).toMatch(
        /^ {4}Health \(measured [\d: -]+\): CPU \d+ %, memory \d+ % \(.+ used\), up \S+, \d+ processes/m,
      );
      expect(shown.stdout).toContain(`        ${mount} `);
      expect(shown.stdout).toMatch(/^ {4}Top CPU:$\n^ {8}\S.* \(pid \d+\): CPU \d+ %, memory [\d.]+ \S?B$/m);
      expect(shown.stdout).toMatch(/^ {4}Top memory:$/m);
      expect(shown.stdout).toMatch(/^ {4}Recent changes:( none)?$/m);
      expect(shown.stdout.indexOf('Snapshot of the PC')).toBeLessThan(shown.stdout.indexOf('Timeline (local time'));
      expect(shown.stdout).not.toContain('Rating:');
    },
  );

  it('lets the requester rate a resolved ticket, refusing a rating outside 1 to 5 and anyone else', async () => {
    const asTom = server.client(tokens.tom);
    const created = await asTom.callWithStatus(API.tickets.create, { body: { subject: 'Scanner offline' } });
    expect(created.status).toBe(201);
    const { id } = created.body;
    await asTom.call(API.tickets.resolve, { params: { id }, body: { resolution: 'Replugged the cable' } });

    const rated = await tom('ticket', 'rate', String(id), '4', '--comment', 'ok');
    expect(rated).toMatchObject({ code: 0, stderr: '', stdout: `Ticket #${id} rated 4 of 5. Thank you.\n` });
    expect((await detail(id)).rating).toMatchObject({ rating: 4, comment: 'ok' });
    expect((await tom('ticket', 'show', String(id))).stdout).toContain('Rating: 4 of 5 — "ok"');

    const tooHigh = await tom('ticket', 'rate', String(id), '7');
    expect(tooHigh).toMatchObject({ code: 2, stdout: '' });
    expect(tooHigh.stderr).toContain('a rating is a whole number from 1 (poor) to 5 (excellent), not "7"');
    expect(await tom('ticket', 'rate', String(id), '3.5')).toMatchObject({ code: 2 });

    const notRequester = await admin('ticket', 'rate', String(id), '1');
    expect(notRequester).toMatchObject({ code: 1, stdout: '' });
    expect(notRequester.stderr).toContain(`only the requester of ticket #${id} can rate it`);
    expect((await detail(id)).rating).toMatchObject({ rating: 4 });
  });
});
