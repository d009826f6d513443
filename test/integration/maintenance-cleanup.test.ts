// The cleaning maintenance scripts (clean-temp, rotate-logs), run for real in a sandbox.
// How the sandbox works: test/helpers/maintenance-sandbox.ts.
import {
  existsSync,
  lutimesSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkSandboxesAfterEach, DAY, NASTY, outsideFiles, Sandbox, sandbox } from '../helpers/maintenance-sandbox.js';

checkSandboxesAfterEach();

describe('clean-temp.sh', () => {
  const OLD = [
    'tmp/old.txt',
    'tmp/deep/er/old.bin',
    'var/tmp/old',
    'home/ann/.cache/browser/old',
    'home/bob smith/.cache/o ld',
    'root/.cache/old',
  ];
  const FRESH = ['tmp/new.txt', 'var/tmp/new', 'home/ann/.cache/browser/new'];
  // Old, but not temporary or protected: X11 sockets and locks, documents, config.
  const KEPT = ['tmp/.X11-unix/X0', 'tmp/.X0-lock', 'home/ann/Documents/old-report.odt', 'etc/old.conf'];
  function tree(sb: Sandbox): void {
    for (const file of OLD) sb.file(file, 'old data\n', 30);
    for (const file of FRESH) sb.file(file, 'new data\n', 0.05);
    for (const file of KEPT) sb.file(file, 'keep\n', 30);
  }

  it('deletes files older than `days` under root only, keeps newer files, sockets and anything outside root', async () => {
    const sb = sandbox();
    tree(sb);
    // Outside the sandbox, in this machine's real temp directory: must survive.
    const outside = join(tmpdir(), `helpline-outside-marker-${process.pid}-${Date.now()}`);
    writeFileSync(outside, 'marker');
    utimesSync(outside, Date.now() / 1000 - 30 * DAY, Date.now() / 1000 - 30 * DAY);
    outsideFiles.push(outside);
    // An old symlink to it inside the sandbox: the link goes, its target stays.
    symlinkSync(outside, sb.path('tmp/old-link'));
    lutimesSync(sb.path('tmp/old-link'), Date.now() / 1000 - 30 * DAY, Date.now() / 1000 - 30 * DAY);

    const result = await sb.run('clean-temp.sh', { days: '7', root: sb.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of [...OLD, 'tmp/old-link']) expect(existsSync(sb.path(file)), file).toBe(false);
    for (const file of [...FRESH, ...KEPT]) expect(existsSync(sb.path(file)), file).toBe(true);
    expect(existsSync(outside)).toBe(true);
    expect(result.stdout).toContain(`deleted ${sb.path('home/bob smith/.cache/o ld')}`);
    expect(result.stdout).toMatch(/^Summary: deleted 7 file\(s\), [0-9.]+ MB$/m);
    expect(sb.calls()).toEqual([]);
  });

  it('in a dry run only lists', async () => {
    const sb = sandbox();
    tree(sb);
    const result = await sb.run('clean-temp.sh', { days: '7', dry_run: '1', root: sb.dir });
    expect(result.code).toBe(0);
    for (const file of [...OLD, ...FRESH, ...KEPT]) expect(existsSync(sb.path(file)), file).toBe(true);
    for (const file of OLD) expect(result.stdout).toContain(`would delete ${sb.path(file)}`);
    expect(result.stdout).toMatch(/^Summary: would delete 6 file\(s\)/m);
  });

  it('counts a file as old only from `days` days on', async () => {
    const sb = sandbox();
    sb.file('tmp/eleven-days', 'x', 11);
    sb.file('tmp/nine-days', 'x', 9);
    expect((await sb.run('clean-temp.sh', { days: '10', root: sb.dir })).code).toBe(0);
    expect(existsSync(sb.path('tmp/eleven-days'))).toBe(false);
    expect(existsSync(sb.path('tmp/nine-days'))).toBe(true);
  });

  it.each(['0', '3651', 'abc', '-1', '08', '1e3', ' 7', '7 ', '7; touch PWNED', '$(touch PWNED)', '`touch PWNED`'])(
    'refuses days=%j and deletes nothing',
    async (days) => {
      const sb = sandbox();
      tree(sb);
      const result = await sb.run('clean-temp.sh', { days, root: sb.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^clean-temp: days must be a whole number from 1 to 3650, got ".*"$/m);
      for (const file of OLD) expect(existsSync(sb.path(file)), file).toBe(true);
    },
  );

  it('cleans under a root full of shell syntax, literally', async () => {
    const sb = sandbox();
    const old = sb.file(`${NASTY}/tmp/old`, 'x', 30);
    const fresh = sb.file(`${NASTY}/tmp/new`, 'x', 0);
    const result = await sb.run('clean-temp.sh', { root: sb.path(NASTY) });
    expect(result.code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(result.stdout).toContain(`deleted ${old}`);
  });
});

describe('rotate-logs.sh', () => {
  const MB = 1024 * 1024;
  const content = (size: number, label: string) =>
    Buffer.from(`${label} line\n`.repeat(Math.ceil(size / (label.length + 6)))).subarray(0, size);
  const gunzipped = (file: string) => gunzipSync(readFileSync(file)).toString();

  function logs(sb: Sandbox) {
    const syslog = content(2.5 * MB, 'syslog');
    const big = content(1.5 * MB, 'app');
    const kern = content(2 * MB, 'kern');
    sb.file('var/log/syslog', syslog);
    sb.file('var/log/app/big.log', big);
    sb.file('var/log/app/big.log.1.gz', gzipSync('one'));
    sb.file('var/log/app/big.log.2.gz', gzipSync('two'));
    sb.file('var/log/kern.log', kern);
    sb.file('var/log/kern.log.1', 'yesterday'); // as logrotate's delaycompress leaves it
    sb.file('var/log/small.log', content(100 * 1024, 'small'));
    // Already rotated or not a text log: never rotated again.
    sb.file('var/log/old.log.3.gz', content(2 * MB, 'gz'));
    sb.file('var/log/syslog-20240101', content(2 * MB, 'dated'));
    sb.file('var/log/journal/abc/system.journal', content(1.5 * MB, 'journal'));
    writeFileSync(sb.path('var/log/lastlog'), '');
    truncateSync(sb.path('var/log/lastlog'), 300 * MB); // sparse, like the real one
    return { syslog, big, kern };
  }
  const unchanged = [
    'var/log/small.log',
    'var/log/old.log.3.gz',
    'var/log/syslog-20240101',
    'var/log/journal/abc/system.journal',
    'var/log/lastlog',
  ];

  it('rotates logs over max_mb into compressed copies, keeps `keep` of them and trims the journal', async () => {
    const sb = sandbox();
    const original = logs(sb);
    const sizes = Object.fromEntries(unchanged.map((file) => [file, statSync(sb.path(file)).size]));
    const result = await sb.run('rotate-logs.sh', { max_mb: '1', keep: '2', journal_mb: '1', root: sb.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    expect(statSync(sb.path('var/log/syslog')).size).toBe(0);
    expect(gunzipped(sb.path('var/log/syslog.1.gz'))).toBe(original.syslog.toString());
    expect(statSync(sb.path('var/log/app/big.log')).size).toBe(0);
    expect(gunzipped(sb.path('var/log/app/big.log.1.gz'))).toBe(original.big.toString());
    expect(gunzipped(sb.path('var/log/app/big.log.2.gz'))).toBe('one');
    expect(existsSync(sb.path('var/log/app/big.log.3.gz'))).toBe(false); // keep=2: "two" is gone
    expect(gunzipped(sb.path('var/log/kern.log.1.gz'))).toBe(original.kern.toString());
    expect(gunzipped(sb.path('var/log/kern.log.2.gz'))).toBe('yesterday');
    expect(existsSync(sb.path('var/log/kern.log.1'))).toBe(false);
    // Copies may hold personal data: root only.
    expect(statSync(sb.path('var/log/syslog.1.gz')).mode & 0o777).toBe(0o600);
    for (const file of unchanged) expect(statSync(sb.path(file)).size, file).toBe(sizes[file]);
    expect(readdirSync(sb.path('var/log')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    expect(sb.calls()).toEqual([['journalctl', `--directory=${sb.path('var/log/journal')}`, '--vacuum-size=1M']]);
    expect(result.stdout).toMatch(/^Summary: rotated 3 log\(s\)$/m);
  });

  it('with keep=0 only empties the logs', async () => {
    const sb = sandbox();
    logs(sb);
    const result = await sb.run('rotate-logs.sh', { max_mb: '1', keep: '0', journal_mb: '0', root: sb.dir });
    expect(result.code).toBe(0);
    expect(statSync(sb.path('var/log/syslog')).size).toBe(0);
    expect(existsSync(sb.path('var/log/syslog.1.gz'))).toBe(false);
    expect(gunzipped(sb.path('var/log/app/big.log.1.gz'))).toBe('one'); // old copies untouched
    expect(sb.calls()).toEqual([]);
  });

  it('in a dry run changes nothing', async () => {
    const sb = sandbox();
    logs(sb);
    const result = await sb.run('rotate-logs.sh', {
      max_mb: '1',
      keep: '2',
      journal_mb: '1',
      dry_run: '1',
      root: sb.dir,
    });
    expect(result.code).toBe(0);
    expect(statSync(sb.path('var/log/syslog')).size).toBe(2.5 * MB);
    expect(existsSync(sb.path('var/log/syslog.1.gz'))).toBe(false);
    expect(gunzipped(sb.path('var/log/app/big.log.2.gz'))).toBe('two');
    expect(result.stdout).toContain(`would rotate ${sb.path('var/log/syslog')} (2 MB)`);
    expect(result.stdout).toContain('would trim the journal');
    expect(result.stdout).toMatch(/^Summary: would rotate 3 log\(s\)$/m);
    expect(sb.calls()).toEqual([]);
  });

  it('resolves dir under root: a directory outside the sandbox is not touched', async () => {
    const sb = sandbox();
    const outside = mkdtempSync(join(tmpdir(), 'helpline-outside-logs-'));
    outsideFiles.push(outside);
    writeFileSync(join(outside, 'big.log'), content(2 * MB, 'outside'));
    const result = await sb.run('rotate-logs.sh', { dir: outside, max_mb: '1', root: sb.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is not a directory under ${sb.dir}`);
    expect(statSync(join(outside, 'big.log')).size).toBe(2 * MB);
  });

  it.each([
    ['dir', 'var/log'],
    ['dir', '/var/../etc'],
    ['dir', '/var/log/.'],
    ['dir', '/var/log; touch PWNED'],
    ['max_mb', '0'],
    ['max_mb', '100001'],
    ['keep', '101'],
    ['keep', '-1'],
    ['journal_mb', '1M'],
  ])('refuses %s=%j', async (name, value) => {
    const sb = sandbox();
    sb.mkdir('var/log');
    const result = await sb.run('rotate-logs.sh', { [name]: value, root: sb.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(name);
  });
});
