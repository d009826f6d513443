// The real compiled `helpline` CLI on a real server with a real enrolled agent: the script library
// (scripts add from files with and without a header, list, show, versions), runs followed with
// --wait (success, failure, literal arguments, jobs signed with a key file off the server),
// jobs list/show, and schedules (add, list, pause, resume, remove, a bad cron expression).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobListQuery, RunView } from '../../protocol/api/jobs.js';
import { API } from '../../protocol/api/routes/index.js';
import type { ScheduleView } from '../../protocol/api/schedules.js';
import { binPath, signedInCli } from '../helpers/run-cli.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROOT = join(binPath('helpline'), '..', '..');
const GREET = [
  '#!/bin/sh',
  '# helpline-script: greet',
  '# description: Greets someone.',
  '# changes: Nothing.',
  '# interpreter: sh',
  '# platforms: linux',
  '# timeout: 1m',
  '# elevation: none',
  '# param: name string default=world Who to greet.',
  '',
  'printf "hello %s\\n" "$HELPLINE_PARAM_NAME"',
  '',
].join('\n');

describe('helpline scripts, run, jobs and schedules', () => {
  let server: TestServer;
  let agent: TestAgent;
  let deviceName: string;
  let dir: string;
  const tokens: Record<string, string> = {};
  const { as } = signedInCli(() => ({ url: server.url, dir, tokens }), 60_000);
  const admin = as('admin');
  const tom = as('tom');
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const jobs = (query: JobListQuery = {}) => server.client().call(API.jobs.list, { query });
  const schedules = () => server.client().call(API.schedules.list);
  const versionsOf = (name: string) => server.client().call(API.scripts.versions, { params: { name } });
  const pwned = () =>
    [ROOT, dir, agent.stateDir, tmpdir()].flatMap((place) =>
      readdirSync(place).filter((name) => name.startsWith('PWNED')),
    );

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-jobs-'));
    tokens.admin = server.adminToken;
    tokens.tom = await server.addUser('tom', 'technician');
    agent = await enrollTestAgent(server);
    await agent.waitFor('online');
    deviceName = (await server.client().call(API.devices.show, { params: { id: agent.deviceId } })).name;
  });
  afterAll(async () => {
    await agent?.cleanup();
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a shipped script from its header; list, show and versions have it; adding it again changes nothing', async () => {
    const added = await admin('scripts', 'add', 'scripts/maintenance/clean-temp.sh');
    expect(added).toMatchObject({ code: 0, stderr: '', stdout: 'clean-temp (linux): version 1 saved\n' });

    const list = await tom('scripts', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout.split('\n')[0]).toMatch(/^NAME\s+VERSION\s+INTERPRETER\s+PLATFORMS\s+DESCRIPTION$/);
    expect(list.stdout).toMatch(
      /^clean-temp\s+1\s+sh\s+linux\s+Deletes temporary files and caches older than N days\.$/m,
    );

    const shown = await tom('scripts', 'show', 'clean-temp');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(/^script:\s+clean-temp$/m);
    expect(shown.stdout).toMatch(/^timeout:\s+10m$/m);
    expect(shown.stdout).toMatch(/^elevation:\s+required/m);
    expect(shown.stdout).toMatch(
      /^params:\s+days \(integer, default 7\): Delete files older than this many days \(1-3650\)\.$/m,
    );
    expect(shown.stdout).toMatch(/^\s+dry_run \(boolean, default 0\): Only list what would be deleted\.$/m);
    expect(shown.stdout).toContain('\n# helpline-script: clean-temp\n');
    expect(JSON.parse((await tom('scripts', 'show', 'clean-temp', '--version', '1', '--json')).stdout)).toMatchObject({
      name: 'clean-temp',
      version: 1,
      interpreter: 'sh',
      body: expect.stringContaining('set -u'),
    });

    const versions = await tom('scripts', 'versions', 'clean-temp');
    expect(versions).toMatchObject({ code: 0, stderr: '' });
    expect(versions.stdout).toMatch(/^1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+admin\s+\d+\s+linux\s+[0-9a-f]{16}/m);

    expect(await admin('scripts', 'add', 'scripts/maintenance/clean-temp.sh')).toMatchObject({
      code: 0,
      stdout: 'clean-temp (linux): unchanged (version 1)\n',
    });
    expect(await versionsOf('clean-temp')).toHaveLength(1);

    // The Windows and macOS versions are variants of the same script, not newer versions of it.
    const variants = await admin(
      'scripts',
      'add',
      'scripts/maintenance/clean-temp.ps1',
      'scripts/maintenance/clean-temp.macos.sh',
    );
    expect(variants).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'clean-temp (windows): version 1 saved\nclean-temp (macos): version 1 saved\n',
    });
    const ambiguous = await tom('scripts', 'show', 'clean-temp');
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr).toMatch(/has variants for linux, macos, windows; say which platform/);
    expect((await tom('scripts', 'show', 'clean-temp', '--platform', 'windows')).stdout).toMatch(
      /^interpreter:\s+powershell$/m,
    );
    // A run on this Linux PC picks the Linux variant.
    const run = JSON.parse(
      (await tom('run', 'clean-temp', '--on', agent.deviceId, '--arg', 'dry_run=1', '--arg', `root=${dir}`, '--json'))
        .stdout,
    ) as { jobs: Array<{ script: string; scriptVersion: number; id: string }> };
    const job = await server.client().call(API.jobs.show, { params: { id: run.jobs[0]!.id } });
    expect(job.args).toMatchObject({ dry_run: '1', root: dir });
    const refused = await admin(
      'scripts',
      'add',
      file('overlap.sh', 'echo\n'),
      '--name',
      'clean-temp',
      '--platform',
      'linux,windows',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already has a variant for/);
  });

  it('adds a file without a header from flags, and refuses one without them, a broken header and a file too large', async () => {
    const hello = file('hello.sh', 'echo "hello from helpline"\n');
    expect(
      await admin('scripts', 'add', hello, '--name', 'hello', '--interpreter', 'sh', '--platform', 'linux'),
    ).toMatchObject({ code: 0, stderr: '', stdout: 'hello (linux): version 1 saved\n' });
    expect(
      await admin(
        'scripts',
        'add',
        file('fail.sh', 'echo "about to fail" >&2\nexit 4\n'),
        '--name',
        'fail-four',
        '--platform',
        'linux',
        '--timeout',
        '30s',
      ),
    ).toMatchObject({ code: 0, stdout: 'fail-four (linux): version 1 saved\n' });
    const failFour = await server.client().call(API.scripts.show, { params: { name: 'fail-four' } });
    expect(failFour).toMatchObject({ interpreter: 'sh', timeoutMs: 30_000, platforms: ['linux'] });
    expect(await admin('scripts', 'add', file('greet.sh', GREET))).toMatchObject({
      code: 0,
      stdout: 'greet (linux): version 1 saved\n',
    });

    const bare = await admin('scripts', 'add', file('bare.txt', 'echo hi\n'));
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('bare.txt has no helpline-script header; give --name, --interpreter, --platform');
    expect((await admin('scripts', 'add', hello)).stderr).toContain(
      'hello.sh has no helpline-script header; give --name, --platform',
    );

    const broken = await admin(
      'scripts',
      'add',
      file('broken.sh', GREET.replace('# interpreter: sh', '# interpreter: cobol')),
    );
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toContain('broken.sh: bad helpline-script header: line 5: unknown interpreter "cobol"');

    const big = await admin(
      'scripts',
      'add',
      file('big.sh', `#${'x'.repeat(300 * 1024)}\n`),
      '--name',
      'big',
      '--platform',
      'linux',
    );
    expect(big).toMatchObject({ code: 2, stdout: '' });
    expect(big.stderr).toMatch(/big\.sh is 300\.0 KiB; a script may be at most 256 KiB/);
    expect((await admin('scripts', 'add', hello, '--name', 'x', '--platform', 'beos')).stderr).toContain(
      'unknown platform "beos"',
    );
    const names = (await server.client().call(API.scripts.list)).map((script) => script.name).sort();
    expect(names).toEqual(['clean-temp', 'clean-temp', 'clean-temp', 'fail-four', 'greet', 'hello']);
  });

  it('runs a script on a device named by its name and waits: a line per job, a summary, exit 0', async () => {
    const ran = await tom('run', 'hello', '--on', deviceName, '--wait');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toMatch(/^Run run_[a-z0-9]+: waiting for 1 job/m);
    expect(ran.stdout).toMatch(
      new RegExp(
        `^${deviceName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+succeeded\\s+exit 0\\s+\\(\\d+\\.\\d s\\)$`,
        'm',
      ),
    );
    expect(ran.stdout).toMatch(/^1 job: 1 succeeded$/m);
    const [job] = await jobs({ deviceId: agent.deviceId, limit: 1 });
    expect(job).toMatchObject({
      script: 'hello',
      status: 'succeeded',
      requestedBy: 'tom',
      stdout: { text: 'hello from helpline\n' },
    });

    const list = await tom('jobs', 'list', '--device', deviceName);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toMatch(
      new RegExp(`^${job!.id}\\s+\\S+ \\S+\\s+\\S+\\s+hello v1\\s+succeeded\\s+0\\s+${job!.runId}$`, 'm'),
    );
  });

  it('runs without --wait: the run id and a line per job; jobs list --run follows it', async () => {
    const ran = await tom('run', 'hello', '--on', agent.deviceId);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const runId = /^Run (run_[a-z0-9]+): hello version 1 on 1 device\.$/m.exec(ran.stdout)?.[1];
    expect(runId).toBeDefined();
    expect(ran.stdout).toMatch(new RegExp(`^\\S+\\s+job_[a-z0-9]+\\s+(queued|sent|running|succeeded)$`, 'm'));
    await eventually(async () => (await jobs({ runId }))[0]?.status === 'succeeded', 20_000, 'the job to succeed');
    const list = await tom('jobs', 'list', '--run', runId!, '--status', 'succeeded');
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('exits 1 with --wait when a job fails, and jobs show has its exit code and output', async () => {
    const ran = await tom('run', 'fail-four', '--on', agent.deviceId, '--wait');
    expect(ran).toMatchObject({ code: 1, stderr: '' });
    expect(ran.stdout).toMatch(/\s+failed\s+exit 4\s+\(\d+\.\d s\)$/m);
    expect(ran.stdout).toMatch(/^1 job: 1 failed$/m);

    const [job] = await jobs({ status: 'failed' });
    const shown = await tom('jobs', 'show', job!.id);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(/^status:\s+failed$/m);
    expect(shown.stdout).toMatch(/^exit code:\s+4$/m);
    expect(shown.stdout).toContain('stdout: empty\n');
    expect(shown.stdout).toContain('stderr (14 bytes):\n    about to fail\n');
  });

  it('passes --arg values literally, never as shell code', async () => {
    const ran = await tom(
      'run',
      'greet',
      '--on',
      agent.deviceId,
      '--arg',
      'name=a;touch PWNED $(touch PWNED2)',
      '--wait',
      '--json',
    );
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const run = JSON.parse(ran.stdout) as RunView;
    expect(run.jobs).toEqual([
      expect.objectContaining({ status: 'succeeded', args: { name: 'a;touch PWNED $(touch PWNED2)' } }),
    ]);
    const shown = await tom('jobs', 'show', run.jobs[0]!.id);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(/^args:\s+name="a;touch PWNED \$\(touch PWNED2\)"$/m);
    const printed = 'hello a;touch PWNED $(touch PWNED2)\n';
    expect(shown.stdout).toContain(`stdout (${Buffer.byteLength(printed)} bytes):\n    ${printed}`);
    expect(pwned()).toEqual([]);
  });

  it('signs the jobs with a key file off the server (prepare, sign here, send back) and runs them', async () => {
    const keyFile = join(server.dataDir, 'keys', 'job-signing.key');
    expect(existsSync(keyFile)).toBe(true);
    const ran = await admin(
      'run',
      'greet',
      '--on',
      agent.deviceId,
      '--arg',
      'name=signed',
      '--signing-key',
      keyFile,
      '--wait',
    );
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toMatch(/^1 job: 1 succeeded$/m);
    const [job] = await jobs({ deviceId: agent.deviceId, limit: 1 });
    expect(job).toMatchObject({
      script: 'greet',
      status: 'succeeded',
      requestedBy: 'admin',
      stdout: { text: 'hello signed\n' },
    });

    const notAKey = await admin(
      'run',
      'greet',
      '--on',
      agent.deviceId,
      '--signing-key',
      file('not-a-key.json', '{"secretKey": "abc"}'),
    );
    expect(notAKey).toMatchObject({ code: 2, stdout: '' });
    expect(notAKey.stderr).toContain('is not a job signing key file');
  });

  it('refuses a malformed --arg, a missing target and a bad --timeout before anything runs', async () => {
    const before = (await jobs()).length;
    const noValue = await tom('run', 'greet', '--on', agent.deviceId, '--arg', 'novalue');
    expect(noValue).toMatchObject({ code: 2, stdout: '' });
    expect(noValue.stderr).toContain('--arg takes NAME=VALUE, like --arg days=7, not "novalue"');
    expect(await tom('run', 'greet')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--on DEVICE..., --group NAME or --tag TAG'),
    });
    expect(await tom('run', 'greet', '--on', agent.deviceId, '--group', 'lab')).toMatchObject({ code: 2 });
    expect(await tom('run', 'greet', '--on', agent.deviceId, '--wait', '--timeout', 'soon')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--timeout takes a duration'),
    });
    const unknown = await tom('run', 'greet', '--on', 'no-such-pc');
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no device has the id or name "no-such-pc"'),
    });
    const undeclared = await tom('run', 'greet', '--on', agent.deviceId, '--arg', 'colour=red');
    expect(undeclared).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('script greet has no parameter "colour"'),
    });
    expect(await jobs()).toHaveLength(before);
  });

  it("refuses a schedule with a cron expression that does not parse, with the server's message", async () => {
    const bad = await tom(
      'schedules',
      'add',
      'broken',
      '--script',
      'hello',
      '--on',
      agent.deviceId,
      '--cron',
      'every tuesday',
      '--tz',
      'Europe/Berlin',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/cron/i);
    expect(bad.stderr).toContain('(validation_failed)');
    const zone = await tom(
      'schedules',
      'add',
      'broken',
      '--script',
      'hello',
      '--on',
      agent.deviceId,
      '--cron',
      '0 2 * * *',
      '--tz',
      'Mars/Olympus_Mons',
    );
    expect(zone).toMatchObject({ code: 1, stderr: expect.stringContaining('Mars/Olympus_Mons') });
    expect(
      await tom(
        'schedules',
        'add',
        'x',
        '--script',
        'hello',
        '--group',
        'lab',
        '--cron',
        '0 2 * * *',
        '--window',
        '25:00-05:00',
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('--window takes') });
    expect(await schedules()).toEqual([]);
  });

  it('adds, lists, pauses, resumes and removes a schedule', async () => {
    const added = await tom(
      'schedules',
      'add',
      'nightly-greet',
      '--script',
      'greet',
      '--on',
      deviceName,
      '--cron',
      '0 2 * * *',
      '--tz',
      'Europe/Berlin',
      '--spread',
      '30m',
      '--window',
      '22:00-05:00',
      '--arg',
      'name=night',
      '--json',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const schedule = JSON.parse(added.stdout) as ScheduleView;
    expect(schedule).toMatchObject({
      name: 'nightly-greet',
      script: 'greet',
      target: { kind: 'device', value: agent.deviceId },
      cron: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      spreadMs: 1_800_000,
      window: { start: '22:00', end: '05:00' },
      args: { name: 'night' },
      paused: false,
      createdBy: 'tom',
    });

    const defaultZone = await tom(
      'schedules',
      'add',
      'weekly-hello',
      '--script',
      'hello',
      '--group',
      'lab',
      '--cron',
      '30 6 * * 1',
    );
    expect(defaultZone).toMatchObject({ code: 0, stderr: '' });
    expect(defaultZone.stdout).toMatch(
      /^Added schedule #\d+ weekly-hello: hello on group lab, "30 6 \* \* 1" \(\S+\); next run \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\n$/,
    );
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((await schedules()).find((s) => s.name === 'weekly-hello')).toMatchObject({ timeZone: zone });

    const list = await tom('schedules', 'list');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout.split('\n')[0]).toMatch(
      /^ID\s+NAME\s+SCRIPT\s+TARGET\s+CRON\s+ZONE\s+WINDOW\s+NEXT RUN\s+PAUSED$/,
    );
    expect(list.stdout).toMatch(
      new RegExp(
        `^#${schedule.id}\\s+nightly-greet\\s+greet\\s+device ${agent.deviceId}\\s+0 2 \\* \\* \\*\\s+Europe/Berlin\\s+22:00-05:00\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+no$`,
        'm',
      ),
    );

    expect(await tom('schedules', 'pause', String(schedule.id))).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Paused schedule #${schedule.id} nightly-greet.\n`,
    });
    expect((await tom('schedules', 'list')).stdout).toMatch(
      new RegExp(`^#${schedule.id}\\s+nightly-greet\\s.*\\syes$`, 'm'),
    );
    const resumed = await tom('schedules', 'resume', `#${schedule.id}`);
    expect(resumed).toMatchObject({ code: 0, stderr: '' });
    expect(resumed.stdout).toMatch(
      new RegExp(
        `^Resumed schedule #${schedule.id} nightly-greet; next run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\n$`,
      ),
    );
    expect((await tom('schedules', 'list')).stdout).toMatch(
      new RegExp(`^#${schedule.id}\\s+nightly-greet\\s.*\\sno$`, 'm'),
    );

    expect(await tom('schedules', 'remove', String(schedule.id))).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Removed schedule #${schedule.id}.\n`,
    });
    expect((await schedules()).map((s) => s.name)).toEqual(['weekly-hello']);
    expect(await tom('schedules', 'remove', String(schedule.id))).toMatchObject({ code: 1 });
    expect(await tom('schedules', 'pause', 'soon')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('a schedule id is a number'),
    });
  });
});
