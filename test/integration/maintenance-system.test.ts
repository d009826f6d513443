// The system-state maintenance scripts (check-disks, os-updates, pending-reboot), run for real in a sandbox.
// How the sandbox works: test/helpers/maintenance-sandbox.ts.
import { describe, expect, it } from 'vitest';
import { checkSandboxesAfterEach, hasCommand, sandbox } from '../helpers/maintenance-sandbox.js';

checkSandboxesAfterEach();

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
  const MDSTAT_OK =
    'Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      976630336 blocks super 1.2 [2/2] [UU]\n\nunused devices: <none>\n';
  const MDSTAT_DEGRADED =
    'Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      976630336 blocks super 1.2 [2/2] [UU]\nmd1 : active raid1 sdc1[0]\n      1000 blocks [2/1] [U_]\n\nunused devices: <none>\n';

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
    expect(sb.calls()).toContainEqual([
      'apt-get',
      '-y',
      '-q',
      '-o',
      'Dpkg::Options::=--force-confdef',
      '-o',
      'Dpkg::Options::=--force-confold',
      '--with-new-pkgs',
      'upgrade',
    ]);
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
    sb.fake(
      'apt-get',
      `${APT_SIMULATION}\nif [ "$1" = -y ]; then echo 'E: Could not get lock /var/lib/dpkg/lock-frontend' >&2; exit 100; fi`,
    );
    const result = await sb.run('os-updates.sh', { apply: '1', refresh: '0', root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('| E: Could not get lock');
    expect(result.stdout).toContain('PROBLEM: installing the updates failed (exit status 100)');
  });

  it('lists and applies with dnf', async () => {
    const sb = sandbox();
    sb.fake(
      'dnf',
      `case "$*" in *check-update*) printf 'openssl.x86_64   1:3.0.7-25.el9   baseos\\nkernel.x86_64   5.14.0-427.el9   baseos\\n\\nObsoleting Packages\\ngrub2.x86_64   1:2.06-80.el9   baseos\\n'; exit 100 ;; esac`,
    );
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
    sb.fake(
      'zypper',
      `case "$*" in
*list-updates*) printf 'S | Repository | Name | Current Version | Available Version | Arch\\n--+------------+------+-----------------+-------------------+-------\\nv | Main Update | openssl | 3.0.1-1.1 | 3.0.2-1.1 | x86_64\\nv | Main Update | vim | 9.0-1 | 9.1-1 | x86_64\\n' ;;
*update*) exit 102 ;;
esac`,
    );
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

describe('pending-reboot.sh', () => {
  it('reports no restart and the uptime when nothing asks for one', async () => {
    const sb = sandbox();
    sb.file('proc/uptime', '1040400.52 2000000.10\n');
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Up for 12 day(s) 1 hour(s)');
    expect(result.stdout).toMatch(
      /^Summary: no restart pending \(checked: reboot-required flags, needs-restarting, needrestart\)$/m,
    );
    expect(sb.calls()).toEqual([
      ['needs-restarting', '-r'],
      ['needrestart', '-b', '-r', 'l'],
    ]);
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
    sb.fake(
      'needrestart',
      "printf 'NEEDRESTART-VER: 3.6\\nNEEDRESTART-KCUR: 6.1.0-28-amd64\\nNEEDRESTART-KEXP: 6.1.0-30-amd64\\nNEEDRESTART-KSTA: 3\\nNEEDRESTART-SVC: cups.service\\n'",
    );
    const result = await sb.run('pending-reboot.sh', { root: sb.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'RESTART NEEDED: a newer kernel is installed (running 6.1.0-28-amd64, installed 6.1.0-30-amd64)',
    );
    expect(result.stdout).toContain('  cups.service');
    expect(sb.calls()).toContainEqual(['needrestart', '-b', '-r', 'l']);
  });

  it('reports what needs-restarting -r and zypper say', async () => {
    const sb = sandbox();
    sb.fake(
      'needs-restarting',
      "echo 'Core libraries or services have been updated since boot-up:'; echo '  * kernel'; exit 1",
    );
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
