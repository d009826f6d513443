// The real compiled `helpline` CLI with the real `helpline-agent`: an enrollment token made by the
// CLI enrolls a PC, which the CLI then lists, approves and revokes; the audit log records it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../protocol/api/devices.js';
import type { ResponseOf } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

function run(bin: 'helpline' | 'helpline-agent', args: string[], configPath: string): Promise<CliResult> {
  return runCli(bin, args, { HELPLINE_CONFIG: configPath });
}

/** What `helpline token create --json` prints: the API's answer. */
type Token = ResponseOf<typeof API.enrollment.createToken>;

describe('helpline token and device commands', () => {
  let server: TestServer;
  let dir: string;
  const helpline = (...args: string[]) => run('helpline', args, join(dir, 'cli.json'));
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await helpline(...args, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as T;
  };
  const enroll = (token: string, name: string) =>
    run('helpline-agent', ['enroll', '--token', token, '--state', join(dir, name), '--json'], join(dir, 'unused.json'));

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-'));
    const login = await helpline('login', '--server', server.url, '--user', 'admin', '--password', ADMIN_PASSWORD);
    expect(login.code).toBe(0);
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a token that helpline-agent enroll accepts, and lists, approves and revokes the device', async () => {
    const created = await json<Token>(
      'token',
      'create',
      '--group',
      'office',
      '--ttl',
      '30m',
      '--uses',
      '1',
      '--approval',
    );
    expect(created.token).toMatch(/^hl1_/);
    expect(created.info).toMatchObject({ group: 'office', approval: true, maxUses: 1, state: 'active' });
    const ttlMs = Date.parse(created.info.expiresAt) - Date.now();
    expect(ttlMs).toBeGreaterThan(25 * 60_000);
    expect(ttlMs).toBeLessThanOrEqual(30 * 60_000);

    const enrolled = await enroll(created.token, 'agent-approve');
    expect(enrolled.code).toBe(0);
    const agent = JSON.parse(enrolled.stdout) as { deviceId: string; status: string; fingerprint: string };
    expect(agent.status).toBe('pending');

    const devices = await json<DeviceView[]>('devices', 'list');
    expect(devices).toEqual([
      expect.objectContaining({ id: agent.deviceId, group: 'office', status: 'pending', online: false, tags: [] }),
    ]);
    const table = await helpline('devices', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+GROUP\s+TAGS\s+STATUS\s+ONLINE\s+LAST SEEN\s+AGENT$/);
    expect(table.stdout).toMatch(new RegExp(`^${agent.deviceId}\\s.*\\soffice\\s+-\\s+pending\\s+no\\s+never\\s`, 'm'));

    const approve = await helpline('device', 'approve', agent.deviceId);
    expect(approve.code).toBe(0);
    expect(approve.stdout).toContain(`Approved ${agent.deviceId}`);
    expect(approve.stdout).toContain(agent.fingerprint);
    expect(await json<DeviceView>('device', 'show', agent.deviceId)).toMatchObject({
      status: 'active',
      fingerprint: agent.fingerprint,
    });

    const revoke = await helpline('device', 'revoke', agent.deviceId, '--reason', 'stolen laptop');
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain(`Revoked ${agent.deviceId}`);
    const shown = await helpline('device', 'show', agent.deviceId);
    expect(shown.stdout).toMatch(/^status:\s+revoked \(stolen laptop\)$/m);

    const audit = await json<Array<{ action: string; target: string }>>('audit', 'list', '--action', 'device.');
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['device.approved', 'device.revoked']));
    expect(audit.every((entry) => entry.action.startsWith('device.'))).toBe(true);
    const verify = await helpline('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^Audit log intact: \d+ entries/);
  });

  it('prints the token on a line of its own, lists it, and a revoked token no longer enrolls', async () => {
    const created = await helpline('token', 'create', '--ttl', '2h');
    expect(created.code).toBe(0);
    const token = created.stdout.split('\n').find((line) => line.startsWith('hl1_'));
    expect(token).toMatch(/^hl1_\S+$/);
    const id = /^id:\s+(tok_\w+)$/m.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    expect(created.stdout).toMatch(/^uses:\s+0 of 1$/m);

    const listed = await json<Array<{ id: string; state: string }>>('token', 'list');
    expect(listed).toContainEqual(expect.objectContaining({ id, state: 'active' }));
    expect((await helpline('token', 'list')).stdout).toMatch(new RegExp(`^${id}\\s+default\\s+active\\s+0/1\\s`, 'm'));

    const revoked = await helpline('token', 'revoke', id!);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked enrollment token ${id}`) });
    const refused = await enroll(token!, 'agent-refused');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('revoked');
  });

  describe('a device named by its name', () => {
    let desk: string;
    let twins: string[];
    beforeAll(async () => {
      const created = await json<Token>('token', 'create', '--group', 'names', '--uses', '3', '--approval');
      const enrollAs = async (name: string, stateDir: string) => {
        const args = ['enroll', '--token', created.token, '--state', join(dir, stateDir), '--name', name, '--json'];
        const enrolled = await run('helpline-agent', args, join(dir, 'unused.json'));
        expect(enrolled.code).toBe(0);
        return (JSON.parse(enrolled.stdout) as { deviceId: string }).deviceId;
      };
      desk = await enrollAs('Front-Desk', 'agent-desk');
      twins = [await enrollAs('twin-pc', 'agent-twin-1'), await enrollAs('twin-pc', 'agent-twin-2')];
    });

    it('is found exactly or in any case by show, approve, changes, software and revoke', async () => {
      const shown = await json<DeviceView>('device', 'show', 'Front-Desk');
      expect(shown).toMatchObject({ id: desk, name: 'Front-Desk', status: 'pending' });
      const approve = await helpline('device', 'approve', 'FRONT-DESK');
      expect(approve).toMatchObject({ code: 0, stdout: expect.stringContaining(`Approved ${desk} (Front-Desk)`) });
      const changes = await helpline('device', 'changes', 'front-desk');
      expect(changes).toMatchObject({ code: 0, stdout: 'No changes on front-desk in the last 7d.\n' });
      expect(await json<unknown[]>('device', 'software', 'front-desk')).toEqual([]);
      const revoke = await helpline('device', 'revoke', 'front-desk', '--reason', 'given away');
      expect(revoke).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked ${desk} (Front-Desk)`) });
    });

    it('is refused when several devices have it, with their ids, and changes nothing', async () => {
      const statuses = async () => {
        const devices = await json<DeviceView[]>('devices', 'list');
        return devices.filter((device) => twins.includes(device.id)).map((device) => device.status);
      };
      const before = await statuses();
      expect(before).toHaveLength(2);
      const ambiguous = await helpline('device', 'show', 'twin-pc');
      expect(ambiguous).toMatchObject({ code: 1, stdout: '' });
      const listingIds = /^helpline: 2 devices are named "twin-pc": dev_\w+, dev_\w+; give the id instead$/m;
      expect(ambiguous.stderr).toMatch(listingIds);
      for (const id of twins) expect(ambiguous.stderr).toContain(id);
      const approve = await helpline('device', 'approve', 'TWIN-PC');
      expect(approve).toMatchObject({ code: 1, stderr: expect.stringContaining('2 devices are named "TWIN-PC"') });
      expect(await statuses()).toEqual(before);
    });

    it('is refused when no device has it', async () => {
      const unknown = await helpline('device', 'show', 'no-such-pc');
      expect(unknown).toMatchObject({ code: 1, stdout: '' });
      const unknownName = 'no device has the id or name "no-such-pc"';
      expect(unknown.stderr).toContain(`helpline: ${unknownName} (see \`helpline devices list\`)`);
      const health = await helpline('device', 'health', 'no-such-pc');
      expect(health).toMatchObject({ code: 1, stderr: expect.stringContaining(unknownName) });
    });
  });

  it('says what was wrong with the device or token id', async () => {
    const missing = await helpline('device', 'show', 'dev_doesnotexist00');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^helpline: .*dev_doesnotexist00.*\(not_found\)$/m);
    const malformed = await helpline('token', 'revoke', '../users');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('(validation_failed)');
  });

  it('refuses a bad --ttl before asking the server, and makes no token', async () => {
    const before = (await json<unknown[]>('token', 'list')).length;
    for (const [ttl, message] of [
      ['5x', '--ttl takes a duration like 30m, 12h or 7d, not "5x"'],
      ['10s', '--ttl must be between 60s and 90d, not 10s'],
    ] as const) {
      const result = await helpline('token', 'create', '--ttl', ttl);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`helpline: ${message}`);
    }
    expect((await helpline('token', 'create', '--uses', '0')).stderr).toContain(
      '--uses takes a whole number of 1 or more, not "0"',
    );
    expect(await json<unknown[]>('token', 'list')).toHaveLength(before);
  });

  // Runs last: it breaks this server's audit chain on purpose.
  it('audit verify exits 1 when an entry was altered behind the server', async () => {
    const db = new Database(join(server.dataDir, 'helpline.db'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    db.close();
    const verify = await helpline('audit', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('Audit log BROKEN: the hash chain fails at entry 2');
    const json = await helpline('audit', 'verify', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, brokenAt: 2 });
  });
});
