// The service maintenance scripts (print spooler, DNS and DHCP, antivirus), run for real in a sandbox.
// How the sandbox works: test/helpers/maintenance-sandbox.ts.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSandboxesAfterEach, q, Sandbox, sandbox } from '../helpers/maintenance-sandbox.js';

checkSandboxesAfterEach();

describe('restart-print-spooler.sh', () => {
  function cups(sb: Sandbox, { systemd = true, stuck = false } = {}): void {
    sb.mkdir('etc/cups');
    if (systemd) sb.mkdir('run/systemd/system');
    sb.file('var/spool/cups/d00042-001', 'PDF data');
    sb.file('var/spool/cups/c00042', 'job history');
    const cancelled = sb.path('.cancelled');
    const jobs =
      "printf 'office-42 alice 1024 Mon 01 Jan 2024 10:00:00 AM\\noffice-43 bob 2048 Mon 01 Jan 2024 10:01:00 AM\\n'";
    sb.fake('lpstat', stuck ? jobs : `[ -e ${q(cancelled)} ] || ${jobs}`);
    sb.fake('cancel', `touch ${q(cancelled)}`);
  }

  it('cancels all jobs, stops CUPS, deletes left-over job data, starts CUPS', async () => {
    const sb = sandbox();
    cups(sb);
    const result = await sb.run('restart-print-spooler.sh', { root: sb.dir });
    expect(result.code).toBe(0);
    expect(sb.calls()).toEqual([
      ['lpstat', '-o'],
      ['cancel', '-a'],
      ['systemctl', 'stop', 'cups'],
      ['systemctl', 'start', 'cups'],
      ['lpstat', '-o'],
    ]);
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
    sb.fake(
      'resolvectl',
      'echo "Failed to flush caches: Unit dbus-org.freedesktop.resolve1.service not found." >&2; exit 1',
    );
    const failed = await sb.run('flush-dns-renew-dhcp.sh', { renew_dhcp: '0', root: sb.dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('PROBLEM: flush the systemd-resolved DNS cache failed');

    const none = sandbox();
    none.remove('resolvectl', 'systemd-resolve', 'nscd', 'nmcli', 'networkctl', 'dhclient', 'dhcpcd');
    const result = await none.run('flush-dns-renew-dhcp.sh', { root: none.dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Not applicable: no DNS cache to flush and no DHCP client to renew');
  });

  it.each(['eth0; touch PWNED', '$(touch PWNED)', '-x', 'eth 0', 'a'.repeat(16)])(
    'refuses interface=%j',
    async (value) => {
      const sb = sandbox();
      const result = await sb.run('flush-dns-renew-dhcp.sh', { interface: value, root: sb.dir });
      expect(result.code).toBe(2);
      expect(sb.calls()).toEqual([]);
    },
  );
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
      [
        'clamscan',
        '--recursive',
        '--infected',
        '--cross-fs=no',
        '--max-filesize=25M',
        '--max-scansize=100M',
        sb.path('home'),
        sb.path('root'),
        sb.path('tmp'),
      ],
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
