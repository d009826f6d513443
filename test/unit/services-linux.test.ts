import { existsSync, readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ServiceState } from '../../protocol/messages/inventory-items.js';
import { collectLinuxServices } from '../../agent/platform/services/linux.js';
import { parseListUnitFiles, parseListUnits, systemdServices } from '../../agent/platform/services/systemd.js';
import { CommandError, isOnPath, type Run } from '../../agent/platform/software/command.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const NOT_BOOTED =
  "systemctl failed (exit code 1): System has not been booted with systemd as init system (PID 1). Can't operate.";

function replaySystemctl(options: { unitsError?: string; unitFilesError?: string } = {}): Run {
  return async (file, args) => {
    expect(file).toBe('systemctl');
    if (args[0] === 'list-units') {
      if (options.unitsError) throw new CommandError(options.unitsError, false);
      return fixture('linux-systemctl-list-units.txt');
    }
    if (options.unitFilesError) throw new CommandError(options.unitFilesError, false);
    return fixture('linux-systemctl-list-unit-files.txt');
  };
}

const ON_SYSTEMD = { hasCommand: () => true, systemdRunning: () => true };

const services = () =>
  systemdServices(
    parseListUnits(fixture('linux-systemctl-list-units.txt')),
    parseListUnitFiles(fixture('linux-systemctl-list-unit-files.txt')),
  );
const byName = (name: string) => services().find((s) => s.name === name);

describe('systemd services', () => {
  it('is running only when the unit runs, stopped when inactive or failed, and other in between', () => {
    expect(byName('dbus.service')).toEqual({
      name: 'dbus.service',
      displayName: 'D-Bus System Message Bus',
      state: 'running',
      startup: 'manual',
    });
    expect(byName('systemd-networkd.service')).toMatchObject({ state: 'stopped', startup: 'disabled' });
    expect(byName('apt-daily.service')).toMatchObject({ state: 'stopped', startup: 'manual' });
    // A oneshot that has finished, and a unit still starting.
    expect(byName('postgresql.service')).toMatchObject({ state: 'other', startup: 'auto' });
    expect(byName('man-db.service')?.state).toBe('other');
  });

  it('maps unit-file states to startup: enabled auto, static manual, disabled or masked disabled', () => {
    expect(byName('systemd-timesyncd.service')?.startup).toBe('auto');
    expect(byName('emergency.service')?.startup).toBe('manual');
    expect(byName('console-getty.service')?.startup).toBe('disabled');
    expect(byName('x11-common.service')).toMatchObject({ state: 'stopped', startup: 'disabled' });
  });

  it("gives an instance its template's startup", () => {
    expect(byName('getty@tty1.service')).toMatchObject({ state: 'running', startup: 'auto' });
    expect(byName('postgresql@15-main.service')).toMatchObject({ state: 'running', startup: 'disabled' });
    expect(byName('user@0.service')?.startup).toBe('manual');
  });

  it('adds installed services that are not loaded, and leaves out unknown units, templates and aliases', () => {
    expect(byName('systemd-sysext.service')).toEqual({
      name: 'systemd-sysext.service',
      displayName: null,
      state: 'stopped',
      startup: 'disabled',
    });
    expect(byName('auditd.service')).toBeUndefined();
    expect(byName('getty@.service')).toBeUndefined();
    expect(byName('dbus-org.freedesktop.hostname1.service')).toBeUndefined();
  });

  it('collects one sorted list, valid against the schema, from the two listings', async () => {
    const { items, warnings } = await collectLinuxServices(replaySystemctl(), ON_SYSTEMD);
    expect(warnings).toEqual([]);
    const names = items.map((s) => s.name);
    expect(names).toEqual([...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.length).toBeGreaterThan(60);
    for (const item of items) expect(Value.Check(ServiceState, item)).toBe(true);
  });

  it('returns an empty list and a warning when systemd is not running', async () => {
    const result = await collectLinuxServices(replaySystemctl({ unitsError: NOT_BOOTED }), ON_SYSTEMD);
    expect(result).toEqual({ items: [], warnings: [`systemctl list-units: ${NOT_BOOTED}`] });
  });

  it('keeps the running state but no startup when only the unit-file listing fails', async () => {
    const run = replaySystemctl({ unitFilesError: 'systemctl failed (exit code 1): boom' });
    const result = await collectLinuxServices(run, ON_SYSTEMD);
    expect(result.warnings).toEqual(['systemctl list-unit-files: systemctl failed (exit code 1): boom']);
    expect(result.items.find((s) => s.name === 'dbus.service')).toMatchObject({ state: 'running', startup: null });
  });

  it('warns instead of failing where there is no systemctl', async () => {
    const result = await collectLinuxServices(replaySystemctl(), { hasCommand: () => false });
    expect(result.items).toEqual([]);
    expect(result.warnings).toEqual(['systemctl was not found: services are only collected from systemd']);
  });

  it('runs nothing and warns when systemd is not the running init', async () => {
    const ran: string[] = [];
    const run: Run = async (file) => {
      ran.push(file);
      return '';
    };
    const result = await collectLinuxServices(run, { hasCommand: () => true, systemdRunning: () => false });
    expect(ran).toEqual([]);
    expect(result.items).toEqual([]);
    expect(result.warnings).toEqual([
      'systemd is not running (no /run/systemd/system): services are only collected from systemd',
    ]);
  });

  it('on this machine lists the services, or says why it cannot when systemd is not running', async () => {
    const result = await collectLinuxServices();
    if (existsSync('/run/systemd/system')) {
      expect(result.warnings).toEqual([]);
      expect(result.items.length).toBeGreaterThan(0);
    } else {
      expect(result.items).toEqual([]);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(
        isOnPath('systemctl', '/usr/bin:/bin') ? /^systemd is not running/ : /not found/,
      );
    }
  });
});
