// The Linux maintenance scripts (scripts/maintenance/*.sh), run for real in a sandbox.
//
// How the sandbox works:
// - Every test gets its own directory from mkdtemp and passes it as the script's `root` parameter,
//   so every path a script reads or changes (/tmp, /var/log, /etc/cups, /run/...) is resolved in
//   there. The scripts run with cwd = the sandbox and a cleaned environment: only PATH, HOME (in
//   the sandbox), LANG=C and the HELPLINE_PARAM_* variables, as the runner passes them.
// - Commands that would change this machine (apt-get, dnf, zypper, systemctl, service, cancel,
//   resolvectl, nscd, nmcli, networkctl, dhclient, dhcpcd, journalctl) and tools that are not
//   installed here (smartctl, clamscan, lpstat, needrestart, needs-restarting) are replaced by
//   recording fakes: small sh scripts in <sandbox>/.fakebin, first on PATH, that append their
//   name and arguments (tab-separated) to <sandbox>/.calls.log and print canned output. The
//   scripts look those commands up on PATH by plain name, which is what makes this work. Every
//   sandbox has all of the fakes unless a test removes one.
// - Read-only commands that exist here run for real: find, df, apt-get -s (in one test), awk...
// - To test "tool not installed", PATH is rebuilt from symlinks to this machine's commands
//   minus the hidden ones, so the result does not depend on what this machine has installed.
// - After every test no file named PWNED/PWNED2 may exist in the sandbox, the working directory
//   of the tests or the temp directory: parameters full of shell metacharacters must be refused
//   or used literally, never executed.
// Nothing here waits for a fixed time or looks at how long anything took.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScriptHeader, scriptParamEnvName, type ScriptHeader } from '../../protocol/script-header.js';

const LIBRARY = fileURLToPath(new URL('../../scripts/maintenance/', import.meta.url));
const SYSTEM_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const FAKED = [
  'apt-get', 'dnf', 'zypper', 'systemctl', 'service', 'cancel', 'lpstat', 'resolvectl', 'systemd-resolve', 'nscd', 'nmcli',
  'networkctl', 'dhclient', 'dhcpcd', 'smartctl', 'clamscan', 'needrestart', 'needs-restarting', 'journalctl',
];
const PWNED_NAMES = ['PWNED', 'PWNED2'];
/** A directory name full of shell syntax; a script that evaluated it would create PWNED files. */
const NASTY = 'odd $(touch PWNED) `touch PWNED2` ; touch PWNED & \'q\' "dq" * |touch PWNED';

const allScripts = readdirSync(LIBRARY).sort();
const linuxScripts = allScripts.filter((file) => file.endsWith('.sh') && !file.endsWith('.macos.sh'));
const headers = new Map<string, ScriptHeader>(
  allScripts.map((file) => {
    const result = parseScriptHeader(readFileSync(join(LIBRARY, file), 'utf8'));
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    return [file, result.header];
  }),
);
const hasCommand = (name: string) => SYSTEM_PATH.some((dir) => existsSync(join(dir, name)));
const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const DAY = 86_400;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'helpline-maint-'));
  readonly bin = join(this.dir, '.fakebin');
  readonly logFile = join(this.dir, '.calls.log');
  private systemPath = SYSTEM_PATH.join(':');

  constructor() {
    mkdirSync(this.bin);
    mkdirSync(join(this.dir, '.home'));
    writeFileSync(this.logFile, '');
    for (const name of FAKED) this.fake(name);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** A recording fake: logs "name<TAB>arg<TAB>arg..." then runs `body` (sh) for its output and exit status. */
  fake(name: string, body = 'exit 0'): void {
    const file = join(this.bin, name);
    writeFileSync(file, `#!/bin/sh\n{ printf '%s' ${q(name)}; for a in "$@"; do printf '\\t%s' "$a"; done; echo; } >>${q(this.logFile)}\n${body}\n`);
    chmodSync(file, 0o755);
  }

  /** Takes the fake away so that this machine's real (read-only) command runs. */
  real(name: string): void {
    rmSync(join(this.bin, name), { force: true });
  }

  /** Takes the fake away and hides the real command too: PATH becomes symlinks to everything else. */
  remove(...names: string[]): void {
    for (const name of names) rmSync(join(this.bin, name), { force: true });
    const sysbin = join(this.dir, '.sysbin');
    rmSync(sysbin, { recursive: true, force: true });
    mkdirSync(sysbin);
    const hidden = new Set([...names, ...this.hidden]);
    this.hidden = [...hidden];
    for (const dir of SYSTEM_PATH) {
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) {
        if (hidden.has(entry) || existsSync(join(sysbin, entry))) continue;
        symlinkSync(join(dir, entry), join(sysbin, entry));
      }
    }
    this.systemPath = sysbin;
  }
  private hidden: string[] = [];

  /** Creates a file (and its directories) last modified `ageDays` ago. */
  file(relative: string, content: string | Buffer = '', ageDays = 0): string {
    const file = this.path(relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    const time = Date.now() / 1000 - ageDays * DAY;
    utimesSync(file, time, time);
    return file;
  }

  mkdir(...relative: string[]): void {
    for (const dir of relative) mkdirSync(this.path(dir), { recursive: true });
  }

  /** The fakes' calls, oldest first, each as [command, ...args]. */
  calls(): string[][] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
  }

  run(script: string, params: Record<string, string> = {}): Promise<Run> {
    const header = headers.get(script);
    if (!header) throw new Error(`no script ${script}`);
    const env: Record<string, string> = { PATH: `${this.bin}:${this.systemPath}`, HOME: this.path('.home'), LANG: 'C' };
    for (const [name, value] of Object.entries(params)) {
      // Only declared parameters, as the runner does: a typo in a test must not pass silently.
      if (!header.params.some((param) => param.name === name)) throw new Error(`${script} has no parameter ${name}`);
      env[scriptParamEnvName(name)] = value;
    }
    const shell = header.interpreter === 'bash' ? '/bin/bash' : '/bin/sh';
    return new Promise((resolve, reject) => {
      const child = spawn(shell, [join(LIBRARY, script)], { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
}

let sandboxes: Sandbox[] = [];
const outsideFiles: string[] = [];
function sandbox(): Sandbox {
  const created = new Sandbox();
  sandboxes.push(created);
  return created;
}

/** Paths below `dir` named PWNED or PWNED2 (symlinks are not followed). */
function pwnedFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (PWNED_NAMES.includes(entry.name)) found.push(full);
    if (entry.isDirectory()) found.push(...pwnedFiles(full));
  }
  return found;
}

afterEach(() => {
  const pwned = sandboxes.flatMap((created) => pwnedFiles(created.dir));
  for (const dir of [process.cwd(), tmpdir()]) for (const name of PWNED_NAMES) if (existsSync(join(dir, name))) pwned.push(join(dir, name));
  for (const created of sandboxes) rmSync(created.dir, { recursive: true, force: true });
  for (const file of outsideFiles.splice(0)) rmSync(file, { recursive: true, force: true });
  sandboxes = [];
  expect(pwned, 'a parameter was executed as shell code').toEqual([]);
});

describe('every maintenance script', () => {
  it.each(allScripts)('%s reads each declared parameter from its HELPLINE_PARAM_ variable and never evaluates it', (file) => {
    const text = readFileSync(join(LIBRARY, file), 'utf8');
    const code = text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    const declared = headers.get(file)!.params.map((param) => scriptParamEnvName(param.name)).sort();
    if (file.endsWith('.ps1')) {
      const used = [...new Set([...code.matchAll(/\$env:(HELPLINE_PARAM_[A-Z0-9_]+)/g)].map((match) => match[1]!))].sort();
      expect(used).toEqual(declared);
      expect(code).not.toMatch(/Invoke-Expression|\biex\b|\[scriptblock\]::Create|Add-Type|-EncodedCommand/i);
    } else {
      const used = [...new Set([...code.matchAll(/\$\{?(HELPLINE_PARAM_[A-Z0-9_]+)/g)].map((match) => match[1]!))].sort();
      expect(used).toEqual(declared);
      expect(code).not.toMatch(/\beval\b|\b(sh|bash) -c\b|\bsource\b|^\s*\. /m);
      // Each parameter is copied once into a shell variable with a default: ${HELPLINE_PARAM_X:-...}.
      for (const name of declared) expect(code).toMatch(new RegExp(`=\\$\\{${name}:-`));
    }
    // No placeholder a runner could paste values into.
    expect(code).not.toMatch(/\{\{|%HELPLINE_PARAM|\$HELPLINE_PARAM_[A-Z_]+%/);
  });

  it.each(linuxScripts)('%s (Linux) takes a root parameter defaulting to /', (file) => {
    expect(headers.get(file)!.params.find((param) => param.name === 'root')).toMatchObject({ type: 'path', default: '/' });
  });

  it.each(allScripts.filter((file) => file.endsWith('.sh')))('%s is valid shell syntax for its interpreter', async (file) => {
    const shell = headers.get(file)!.interpreter === 'bash' ? '/bin/bash' : '/bin/sh';
    const result = await new Promise<number | null>((resolve) => spawn(shell, ['-n', join(LIBRARY, file)], { stdio: 'ignore' }).on('close', resolve));
    expect(result).toBe(0);
  });

  // Every integer, boolean and string parameter refuses a value with shell syntax in it (exit 2).
  const badValues = linuxScripts.flatMap((file) =>
    headers
      .get(file)!
      .params.filter((param) => param.type !== 'path')
      .map((param) => [file, param.name] as const),
  );
  it.each(badValues)('%s refuses %s="1; touch PWNED" with exit 2', async (file, name) => {
    const sb = sandbox();
    const result = await sb.run(file, { [name]: '1; touch PWNED', root: sb.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain('"1; touch PWNED"');
  });

  it.each(linuxScripts)('%s uses a root full of shell syntax literally', async (file) => {
    const sb = sandbox();
    const root = sb.path(NASTY);
    for (const dir of ['tmp', 'var/tmp', 'var/log', 'home/ann/.cache', 'run']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'tmp', 'old'), 'x');
    writeFileSync(join(root, 'run', 'reboot-required'), '');
    utimesSync(join(root, 'tmp', 'old'), Date.now() / 1000 - 30 * DAY, Date.now() / 1000 - 30 * DAY);
    const params: Record<string, string> = { root };
    const declared = headers.get(file)!.params.map((param) => param.name);
    if (declared.includes('dry_run')) params.dry_run = '1';
    if (declared.includes('refresh')) params.refresh = '0';
    const result = await sb.run(file, params);
    expect([0, 1, 3]).toContain(result.code);
    expect(result.stderr).not.toMatch(/syntax error|bad substitution|unexpected/i);
    const mentioned = result.stdout.includes(root) || sb.calls().some((call) => call.some((arg) => arg.includes(root)));
    if (file !== 'check-disks.sh' && file !== 'os-updates.sh' && file !== 'flush-dns-renew-dhcp.sh') expect(mentioned).toBe(true);
  });

  it.each(linuxScripts.filter((file) => headers.get(file)!.params.some((param) => param.name === 'root')))(
    '%s refuses a relative or missing root',
    async (file) => {
      const sb = sandbox();
      expect((await sb.run(file, { root: 'relative/dir' })).code).toBe(2);
      const missing = await sb.run(file, { root: sb.path('missing') });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('is not a directory');
    },
  );
});

describe('clean-temp.sh', () => {
  const OLD = ['tmp/old.txt', 'tmp/deep/er/old.bin', 'var/tmp/old', 'home/ann/.cache/browser/old', 'home/bob smith/.cache/o ld', 'root/.cache/old'];
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

  it.each(['0', '3651', 'abc', '-1', '08', '1e3', ' 7', '7 ', '7; touch PWNED', '$(touch PWNED)', '`touch PWNED`'])('refuses days=%j and deletes nothing', async (days) => {
    const sb = sandbox();
    tree(sb);
    const result = await sb.run('clean-temp.sh', { days, root: sb.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clean-temp: days must be a whole number from 1 to 3650, got ".*"$/m);
    for (const file of OLD) expect(existsSync(sb.path(file)), file).toBe(true);
  });

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

describe('check-disks.sh', () => {
  // `df -P` and `df -Pi` output, for thresholds that do not depend on this machine's disks.
  const fakeDf = (rootPct: number, dataPct: number) => `case "$1" in
-Pi) printf 'Filesystem Inodes IUsed IFree IUse%% Mounted on\\n/dev/sda1 1000 100 900 10%% /\\n/dev/sdb1 1000 200 800 20%% /srv/data\\n' ;;
*) printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\\n/dev/sda1 1000000 ${rootPct}0000 1000 ${rootPct}%% /\\n/dev/sdb1 1000000 ${dataPct}0000 1000 ${dataPct}%% /srv/data\\n' ;;
esac`;
  const fakeSmartctl = (nvme: 'PASSED' | 'FAILED') => `case "$*" in
--scan) printf '/dev/sda -d sat # /dev/sda [SAT], ATA device\\n/dev/nvme0 -d nvme # /dev/nvme0, NVMe device\\n' ;;
*/dev/sda*) echo 'SMART overall-health self-assessment test result: PASSED' ;;
*/dev/nvme0*) echo 'SMART overall-health self-assessment test result: ${nvme}!'; [ ${nvme} = PASSED ] || exit 8 ;;
esac`;
  const MDSTAT_OK = 'Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      976630336 blocks super 1.2 [2/2] [UU]\n\nunused devices: <none>\n';
  const MDSTAT_DEGRADED = 'Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      976630336 blocks super 1.2 [2/2] [UU]\nmd1 : active raid1 sdc1[0]\n      1000 blocks [2/1] [U_]\n\nunused devices: <none>\n';

  it('reports healthy file systems, disks and arrays with exit 0', async () => {
    const sb = sandbox();
    sb.fake('df', fakeDf(50, 60));
    sb.fake('smartctl', fakeSmartctl('PASSED'));
    sb.file('proc/mdstat', MDSTAT_OK);
    const result = await sb.run('check-disks.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}\/srv\/data +60% used/m);
    expect(result.stdout).toContain('/dev/sda: PASSED');
    expect(result.stdout).toContain('/dev/nvme0: PASSED');
    expect(result.stdout).toContain('all arrays complete');
    expect(result.stdout).toMatch(/^Summary: no problems found$/m);
    expect(sb.calls()).toContainEqual(['smartctl', '-H', '-d', 'sat', '/dev/sda']);
    expect(sb.calls()).toContainEqual(['smartctl', '-H', '-d', 'nvme', '/dev/nvme0']);
  });

  it('reports a full file system, a failing disk and a degraded array with exit 1', async () => {
    const sb = sandbox();
    sb.fake('df', fakeDf(50, 97));
    sb.fake('smartctl', fakeSmartctl('FAILED'));
    sb.file('proc/mdstat', MDSTAT_DEGRADED);
    const result = await sb.run('check-disks.sh', { warn_percent: '90', root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PROBLEM: /srv/data is 97% full (space)');
    expect(result.stdout).toContain('PROBLEM: /dev/nvme0 SMART health is FAILING');
    expect(result.stdout).toContain('PROBLEM: /dev/md1 is degraded');
    expect(result.stdout).not.toContain('/dev/md0 is degraded');
    expect(result.stdout).toMatch(/^Summary: 3 problem\(s\) found$/m);
  });

  it('checks the real file systems with the real df, and says so when smartctl is missing', async () => {
    const sb = sandbox();
    sb.remove('smartctl');
    const result = await sb.run('check-disks.sh', { warn_percent: '100', root: sb.dir });
    expect([0, 1]).toContain(result.code);
    expect(result.stdout).toMatch(/^ {2}\S.* +\d+% used, [0-9.]+ GB free$/m);
    expect(result.stdout).toContain('not checked: smartctl is not installed');
    if (result.code === 1) expect(result.stdout).toContain('PROBLEM:');
  });

  it.each(['0', '101', '9O', '90%', ''])('refuses warn_percent=%j (empty means the default)', async (value) => {
    const sb = sandbox();
    sb.fake('df', fakeDf(10, 10));
    const result = await sb.run('check-disks.sh', { warn_percent: value, root: sb.dir });
    expect(result.code).toBe(value === '' ? 0 : 2);
  });
});

describe('os-updates.sh', () => {
  const APT_SIMULATION = `if [ "$1" = -s ]; then cat <<'EOF'
NOTE: This is only a simulation!
Inst openssl [3.0.11-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable [all])
Inst linux-image-6.1.0-30-amd64 (6.1.124-1 Debian-Security:12/stable-security [amd64])
Conf openssl (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])
EOF
fi`;

  it.skipIf(!hasCommand('apt-get'))('lists with the real apt-get in simulation mode when it is installed', async () => {
    const sb = sandbox();
    sb.real('apt-get');
    const result = await sb.run('os-updates.sh', { manager: 'apt', refresh: '0', root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Pending updates \(apt\): \d+$/m);
    expect(result.stdout).toMatch(/^Summary: \d+ update\(s\) pending \(\d+ security\) with apt$/m);
  });

  it('lists apt updates after refreshing the lists, marking security updates, and installs nothing', async () => {
    const sb = sandbox();
    sb.fake('apt-get', APT_SIMULATION);
    const result = await sb.run('os-updates.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('openssl 3.0.11-1~deb12u1 -> 3.0.15-1~deb12u1 (security)');
    expect(result.stdout).toContain('tzdata 2024a-0+deb12u1 -> 2025b-0+deb12u1\n');
    expect(result.stdout).toContain('linux-image-6.1.0-30-amd64 new -> 6.1.124-1 (security)');
    expect(result.stdout).toMatch(/^Summary: 3 update\(s\) pending \(2 security\) with apt$/m);
    expect(sb.calls()).toEqual([
      ['apt-get', 'update', '-q'],
      ['apt-get', '-s', '-q', '-o', 'Debug::NoLocking=1', '--with-new-pkgs', 'upgrade'],
    ]);
  });

  it('with apply=1 installs them without questions and says a restart is needed', async () => {
    const sb = sandbox();
    sb.fake('apt-get', `${APT_SIMULATION}\n[ "$1" = -y ] && echo "3 upgraded, 1 newly installed"; exit 0`);
    sb.file('run/reboot-required', '*** System restart required ***\n');
    const result = await sb.run('os-updates.sh', { apply: '1', root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toContainEqual(['apt-get', '-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', '--with-new-pkgs', 'upgrade']);
    expect(result.stdout).toContain('| 3 upgraded, 1 newly installed');
    expect(result.stdout).toContain('A restart is needed to finish the updates');
    expect(result.stdout).toMatch(/^Summary: installed 3 update\(s\) with apt$/m);
  });

  it('with apply=1 and dry_run=1 only simulates', async () => {
    const sb = sandbox();
    sb.fake('apt-get', APT_SIMULATION);
    const result = await sb.run('os-updates.sh', { apply: '1', dry_run: '1', root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Would refresh the package lists (apt)');
    expect(result.stdout).toContain('Would install the 3 update(s) above with apt');
    expect(sb.calls().map((call) => call[1])).toEqual(['-s']);
  });

  it('exits 1 when installing fails', async () => {
    const sb = sandbox();
    sb.fake('apt-get', `${APT_SIMULATION}\nif [ "$1" = -y ]; then echo 'E: Could not get lock /var/lib/dpkg/lock-frontend' >&2; exit 100; fi`);
    const result = await sb.run('os-updates.sh', { apply: '1', refresh: '0', root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('| E: Could not get lock');
    expect(result.stdout).toContain('PROBLEM: installing the updates failed (exit status 100)');
  });

  it('lists and applies with dnf', async () => {
    const sb = sandbox();
    sb.fake('dnf', `case "$*" in *check-update*) printf 'openssl.x86_64   1:3.0.7-25.el9   baseos\\nkernel.x86_64   5.14.0-427.el9   baseos\\n\\nObsoleting Packages\\ngrub2.x86_64   1:2.06-80.el9   baseos\\n'; exit 100 ;; esac`);
    const list = await sb.run('os-updates.sh', { manager: 'dnf', root: sb.dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('openssl.x86_64 -> 1:3.0.7-25.el9');
    expect(list.stdout).toMatch(/^Summary: 2 update\(s\) pending \(0 security\) with dnf$/m);
    const apply = await sb.run('os-updates.sh', { manager: 'dnf', apply: '1', root: sb.dir });
    expect(apply.code).toBe(0);
    expect(sb.calls()).toEqual([
      ['dnf', '-q', '--refresh', 'check-update'],
      ['dnf', '-q', '--refresh', 'check-update'],
      ['dnf', '-y', '--refresh', 'upgrade'],
    ]);
  });

  it('lists and applies with zypper, where 102 means "installed, restart needed"', async () => {
    const sb = sandbox();
    sb.fake('zypper', `case "$*" in
*list-updates*) printf 'S | Repository | Name | Current Version | Available Version | Arch\\n--+------------+------+-----------------+-------------------+-------\\nv | Main Update | openssl | 3.0.1-1.1 | 3.0.2-1.1 | x86_64\\nv | Main Update | vim | 9.0-1 | 9.1-1 | x86_64\\n' ;;
*update*) exit 102 ;;
esac`);
    const result = await sb.run('os-updates.sh', { manager: 'zypper', apply: '1', root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('openssl 3.0.1-1.1 -> 3.0.2-1.1');
    expect(result.stdout).toContain('A restart is needed');
    expect(sb.calls()).toEqual([
      ['zypper', '--non-interactive', 'refresh'],
      ['zypper', '--non-interactive', 'list-updates'],
      ['zypper', '--non-interactive', 'update', '--auto-agree-with-licenses'],
    ]);
  });

  it('exits 3 when no supported package manager is installed', async () => {
    const sb = sandbox();
    sb.remove('apt-get', 'dnf', 'zypper');
    const auto = await sb.run('os-updates.sh', { root: sb.dir });
    expect(auto.code).toBe(3);
    expect(auto.stdout).toContain('Not applicable: none of apt-get, dnf or zypper is installed');
    const dnf = await sb.run('os-updates.sh', { manager: 'dnf', root: sb.dir });
    expect(dnf.code).toBe(3);
    expect(dnf.stdout).toContain('dnf is not installed');
  });

  it.each([
    ['manager', 'apt; touch PWNED'],
    ['manager', 'yum'],
    ['apply', 'yes'],
    ['refresh', '2'],
  ])('refuses %s=%j', async (name, value) => {
    const sb = sandbox();
    const result = await sb.run('os-updates.sh', { [name]: value, root: sb.dir });
    expect(result.code).toBe(2);
    expect(sb.calls()).toEqual([]);
  });
});

describe('restart-print-spooler.sh', () => {
  function cups(sb: Sandbox, { systemd = true, stuck = false } = {}): void {
    sb.mkdir('etc/cups');
    if (systemd) sb.mkdir('run/systemd/system');
    sb.file('var/spool/cups/d00042-001', 'PDF data');
    sb.file('var/spool/cups/c00042', 'job history');
    const cancelled = sb.path('.cancelled');
    const jobs = "printf 'office-42 alice 1024 Mon 01 Jan 2024 10:00:00 AM\\noffice-43 bob 2048 Mon 01 Jan 2024 10:01:00 AM\\n'";
    sb.fake('lpstat', stuck ? jobs : `[ -e ${q(cancelled)} ] || ${jobs}`);
    sb.fake('cancel', `touch ${q(cancelled)}`);
  }

  it('cancels all jobs, stops CUPS, deletes left-over job data, starts CUPS', async () => {
    const sb = sandbox();
    cups(sb);
    const result = await sb.run('restart-print-spooler.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([['lpstat', '-o'], ['cancel', '-a'], ['systemctl', 'stop', 'cups'], ['systemctl', 'start', 'cups'], ['lpstat', '-o']]);
    expect(existsSync(sb.path('var/spool/cups/d00042-001'))).toBe(false);
    expect(existsSync(sb.path('var/spool/cups/c00042'))).toBe(true);
    expect(result.stdout).toContain('office-42 alice');
    expect(result.stdout).toMatch(/^Summary: cancelled 2 job\(s\), deleted 1 left-over file\(s\), CUPS restarted$/m);
  });

  it('in a dry run only lists the jobs and files', async () => {
    const sb = sandbox();
    cups(sb);
    const result = await sb.run('restart-print-spooler.sh', { dry_run: '1', root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([['lpstat', '-o']]);
    expect(existsSync(sb.path('var/spool/cups/d00042-001'))).toBe(true);
    expect(result.stdout).toContain(`Would cancel all 2 job(s)`);
    expect(result.stdout).toContain(sb.path('var/spool/cups/d00042-001'));
  });

  it('uses `service` when systemd is not running', async () => {
    const sb = sandbox();
    cups(sb, { systemd: false });
    const result = await sb.run('restart-print-spooler.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toContainEqual(['service', 'cups', 'stop']);
    expect(sb.calls()).toContainEqual(['service', 'cups', 'start']);
    expect(sb.calls().some((call) => call[0] === 'systemctl')).toBe(false);
  });

  it('exits 1 when CUPS does not start again or jobs stay queued', async () => {
    const sb = sandbox();
    cups(sb);
    sb.fake('systemctl', '[ "$1" = start ] && exit 1; exit 0');
    const failedStart = await sb.run('restart-print-spooler.sh', { root: sb.dir });
    expect(failedStart.code).toBe(1);
    expect(failedStart.stdout).toContain('PROBLEM: starting CUPS failed');

    const stuck = sandbox();
    cups(stuck, { stuck: true });
    const result = await stuck.run('restart-print-spooler.sh', { root: stuck.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PROBLEM: jobs are still queued after the restart');
  });

  it('exits 3 without CUPS', async () => {
    const sb = sandbox();
    const noConfig = await sb.run('restart-print-spooler.sh', { root: sb.dir });
    expect(noConfig.code).toBe(3);
    expect(noConfig.stdout).toContain('Not applicable: CUPS is not installed');
    sb.mkdir('etc/cups');
    sb.remove('cancel');
    expect((await sb.run('restart-print-spooler.sh', { root: sb.dir })).code).toBe(3);
    expect(sb.calls()).toEqual([]);
  });
});

describe('flush-dns-renew-dhcp.sh', () => {
  const NMCLI = `case "$*" in *--active*) printf '1111-aaaa:802-3-ethernet:eth0\\n2222-bbbb:802-11-wireless:wlan0\\n3333-cccc:bridge:docker0\\n4444-dddd:loopback:lo\\n' ;; esac`;

  it('flushes systemd-resolved and re-activates the wired and wireless NetworkManager connections', async () => {
    const sb = sandbox();
    sb.mkdir('run/systemd/resolve', 'run/NetworkManager');
    sb.fake('nmcli', NMCLI);
    const result = await sb.run('flush-dns-renew-dhcp.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([
      ['resolvectl', 'flush-caches'],
      ['nmcli', '-t', '-f', 'UUID,TYPE,DEVICE', 'connection', 'show', '--active'],
      ['nmcli', 'connection', 'up', 'uuid', '1111-aaaa'],
      ['nmcli', 'connection', 'up', 'uuid', '2222-bbbb'],
    ]);
    expect(result.stdout).toMatch(/^Summary: 1 DNS cache\(s\) flushed, 2 lease renewal step\(s\) done$/m);
  });

  it('renews only the given interface', async () => {
    const sb = sandbox();
    sb.mkdir('run/NetworkManager');
    sb.fake('nmcli', NMCLI);
    const result = await sb.run('flush-dns-renew-dhcp.sh', { interface: 'wlan0', root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toContainEqual(['nmcli', 'connection', 'up', 'uuid', '2222-bbbb']);
    expect(sb.calls()).not.toContainEqual(['nmcli', 'connection', 'up', 'uuid', '1111-aaaa']);
    expect(result.stdout).toContain('DNS: no local DNS cache is running');
  });

  it('uses nscd and dhclient (release, then a new lease) when that is what runs', async () => {
    const sb = sandbox();
    sb.mkdir('run/nscd');
    const result = await sb.run('flush-dns-renew-dhcp.sh', { interface: 'eth9', root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([
      ['nscd', '-i', 'hosts'],
      ['dhclient', '-r', 'eth9'],
      ['dhclient', 'eth9'],
    ]);
  });

  it('finds the interface of the default route for systemd-networkd', async () => {
    const sb = sandbox();
    sb.mkdir('run/systemd/netif');
    sb.fake('ip', "echo 'default via 10.0.0.1 dev enp3s0 proto dhcp src 10.0.0.23 metric 100'");
    const result = await sb.run('flush-dns-renew-dhcp.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toContainEqual(['networkctl', 'renew', 'enp3s0']);
  });

  it('with renew_dhcp=0 only flushes; a dry run changes nothing', async () => {
    const sb = sandbox();
    sb.mkdir('run/systemd/resolve', 'run/NetworkManager');
    sb.fake('nmcli', NMCLI);
    expect((await sb.run('flush-dns-renew-dhcp.sh', { renew_dhcp: '0', root: sb.dir })).code).toBe(0);
    expect(sb.calls()).toEqual([['resolvectl', 'flush-caches']]);

    const dry = sandbox();
    dry.mkdir('run/systemd/resolve');
    const result = await dry.run('flush-dns-renew-dhcp.sh', { dry_run: '1', interface: 'eth0', root: dry.dir });
    expect(result.code).toBe(0);
    expect(dry.calls()).toEqual([]);
    expect(result.stdout).toContain('Would flush the systemd-resolved DNS cache: resolvectl flush-caches');
    expect(result.stdout).toContain('Would get a new lease on eth0 (dhclient): dhclient eth0');
  });

  it('exits 1 when a step fails and 3 when there is nothing to flush or renew', async () => {
    const sb = sandbox();
    sb.mkdir('run/systemd/resolve');
    sb.fake('resolvectl', 'echo "Failed to flush caches: Unit dbus-org.freedesktop.resolve1.service not found." >&2; exit 1');
    const failed = await sb.run('flush-dns-renew-dhcp.sh', { renew_dhcp: '0', root: sb.dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('PROBLEM: flush the systemd-resolved DNS cache failed');

    const none = sandbox();
    none.remove('resolvectl', 'systemd-resolve', 'nscd', 'nmcli', 'networkctl', 'dhclient', 'dhcpcd');
    const result = await none.run('flush-dns-renew-dhcp.sh', { root: none.dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Not applicable: no DNS cache to flush and no DHCP client to renew');
  });

  it.each(['eth0; touch PWNED', '$(touch PWNED)', '-x', 'eth 0', 'a'.repeat(16)])('refuses interface=%j', async (value) => {
    const sb = sandbox();
    const result = await sb.run('flush-dns-renew-dhcp.sh', { interface: value, root: sb.dir });
    expect(result.code).toBe(2);
    expect(sb.calls()).toEqual([]);
  });
});

describe('pending-reboot.sh', () => {
  it('reports no restart and the uptime when nothing asks for one', async () => {
    const sb = sandbox();
    sb.file('proc/uptime', '1040400.52 2000000.10\n');
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Up for 12 day(s) 1 hour(s)');
    expect(result.stdout).toMatch(/^Summary: no restart pending \(checked: reboot-required flags, needs-restarting, needrestart\)$/m);
    expect(sb.calls()).toEqual([['needs-restarting', '-r'], ['needrestart', '-b', '-r', 'l']]);
  });

  it('reports the Debian reboot-required flag with the packages that set it', async () => {
    const sb = sandbox();
    sb.remove('needrestart', 'needs-restarting');
    sb.file('run/reboot-required', '*** System restart required ***\n');
    sb.file('run/reboot-required.pkgs', 'linux-image-6.1.0-30-amd64\nlibc6\nlinux-image-6.1.0-30-amd64\n');
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`RESTART NEEDED: ${sb.path('run/reboot-required')} exists`);
    expect(result.stdout).toContain('    libc6\n    linux-image-6.1.0-30-amd64\n');
    expect(result.stdout).toMatch(/^Summary: a restart is pending$/m);
  });

  it('reports a newer kernel and outdated services from needrestart, listing only', async () => {
    const sb = sandbox();
    sb.fake('needrestart', "printf 'NEEDRESTART-VER: 3.6\\nNEEDRESTART-KCUR: 6.1.0-28-amd64\\nNEEDRESTART-KEXP: 6.1.0-30-amd64\\nNEEDRESTART-KSTA: 3\\nNEEDRESTART-SVC: cups.service\\n'");
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('RESTART NEEDED: a newer kernel is installed (running 6.1.0-28-amd64, installed 6.1.0-30-amd64)');
    expect(result.stdout).toContain('  cups.service');
    expect(sb.calls()).toContainEqual(['needrestart', '-b', '-r', 'l']);
  });

  it('reports what needs-restarting -r and zypper say', async () => {
    const sb = sandbox();
    sb.fake('needs-restarting', "echo 'Core libraries or services have been updated since boot-up:'; echo '  * kernel'; exit 1");
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('RESTART NEEDED: needs-restarting -r says so');
    expect(result.stdout).toContain('  * kernel');

    const suse = sandbox();
    suse.file('run/reboot-needed', '');
    const zypper = await suse.run('pending-reboot.sh', { root: suse.dir });
    expect(zypper.code).toBe(1);
    expect(zypper.stdout).toContain('(set by zypper)');
  });
});

describe('antivirus-quick-scan.sh', () => {
  function homes(sb: Sandbox): void {
    sb.mkdir('home/ann/Downloads', 'root', 'tmp');
    sb.file('var/lib/clamav/daily.cld', 'definitions', 0.5);
  }

  it('scans the home directories and /tmp under root and reports a clean result', async () => {
    const sb = sandbox();
    homes(sb);
    sb.fake('clamscan', "printf '\\n----------- SCAN SUMMARY -----------\\nScanned files: 12\\nInfected files: 0\\n'");
    const result = await sb.run('antivirus-quick-scan.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([
      ['clamscan', '--recursive', '--infected', '--cross-fs=no', '--max-filesize=25M', '--max-scansize=100M', sb.path('home'), sb.path('root'), sb.path('tmp')],
    ]);
    expect(result.stdout).toContain('Infected files: 0');
    expect(result.stdout).not.toContain('WARNING');
    expect(result.stdout).toMatch(/^Summary: no infected files found$/m);
  });

  it('exits 1 and names the infected files, without removing them', async () => {
    const sb = sandbox();
    homes(sb);
    const infected = sb.file('home/ann/Downloads/invoice.pdf.exe', 'X5O!P%@AP');
    sb.fake('clamscan', `printf '%s: Win.Test.EICAR_HDB-1 FOUND\\n\\nInfected files: 1\\n' ${q(infected)}; exit 1`);
    const result = await sb.run('antivirus-quick-scan.sh', { max_file_mb: '100', root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${infected}: Win.Test.EICAR_HDB-1 FOUND`);
    expect(result.stdout).toMatch(/^Summary: 1 infected file\(s\) found/m);
    expect(existsSync(infected)).toBe(true);
    expect(sb.calls()[0]).toContain('--max-filesize=100M');
  });

  it('exits 1 when clamscan fails and warns about old definitions', async () => {
    const sb = sandbox();
    sb.mkdir('home');
    sb.file('var/lib/clamav/daily.cld', 'definitions', 30);
    sb.fake('clamscan', "echo 'LibClamAV Error: cli_loaddbdir(): No supported database files found' >&2; exit 2");
    const result = await sb.run('antivirus-quick-scan.sh', { root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('WARNING: the virus definitions in');
    expect(result.stdout).toContain('No supported database files found');
    expect(result.stdout).toContain('Summary: PROBLEM: clamscan failed (exit status 2)');
  });

  it('exits 3 when ClamAV is not installed', async () => {
    const sb = sandbox();
    homes(sb);
    sb.remove('clamscan');
    const result = await sb.run('antivirus-quick-scan.sh', { root: sb.dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Not applicable: ClamAV is not installed');
  });

  it.each(['0', '4001', '25M', '1; touch PWNED'])('refuses max_file_mb=%j', async (value) => {
    const sb = sandbox();
    const result = await sb.run('antivirus-quick-scan.sh', { max_file_mb: value, root: sb.dir });
    expect(result.code).toBe(2);
    expect(sb.calls()).toEqual([]);
  });
});

describe('rotate-logs.sh', () => {
  const MB = 1024 * 1024;
  const content = (size: number, label: string) => Buffer.from(`${label} line\n`.repeat(Math.ceil(size / (label.length + 6)))).subarray(0, size);
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
  const unchanged = ['var/log/small.log', 'var/log/old.log.3.gz', 'var/log/syslog-20240101', 'var/log/journal/abc/system.journal', 'var/log/lastlog'];

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
    const result = await sb.run('rotate-logs.sh', { max_mb: '1', keep: '2', journal_mb: '1', dry_run: '1', root: sb.dir });
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
