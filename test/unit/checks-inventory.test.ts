import { describe, expect, it } from 'vitest';
import { createCheckEvaluator } from '../../agent/checks/evaluator.js';
import { type CheckDefinition, DEFAULT_CHECK_POLICY } from '../../protocol/messages/checks.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const HOUR = 3_600_000;
const only = (check: CheckDefinition) => ({ checks: [check] });
const kinds = (transitions: Array<{ type: string; faultKey: string }>) =>
  transitions.map((t) => `${t.type} ${t.faultKey}`);

const disk = (device: string, serial: string, smartStatus: string): InventoryData['disks'][number] => ({
  device,
  type: 'SSD',
  name: `Disk ${serial}`,
  vendor: 'V',
  size: 1e12,
  serial,
  interfaceType: 'SATA',
  smartStatus,
});
const battery = (maxCapacity: number, designedCapacity = 50_000): InventoryData['battery'] => ({
  manufacturer: 'M',
  model: 'B',
  designedCapacity,
  maxCapacity,
  capacityUnit: 'mWh',
  cycleCount: 812,
});
const service = (name: string, state: 'running' | 'stopped' | 'other'): InventoryData['services'][number] => ({
  name,
  displayName: null,
  state,
  startup: 'auto',
});

const smart: CheckDefinition = { kind: 'smart', id: 'smart', name: 'SMART', autoResolve: false };
const batteryCheck: CheckDefinition = {
  kind: 'battery_capacity',
  id: 'battery',
  name: 'Battery worn',
  autoResolve: false,
  minSharePct: 60,
  recoverAbovePct: 65,
};
const spooler: CheckDefinition = {
  kind: 'service_running',
  id: 'spooler',
  name: 'Print spooler',
  autoResolve: true,
  service: 'Spooler',
};

describe('SMART check', () => {
  it('raises per failing disk and clears when the disk reports OK again', () => {
    const evaluator = createCheckEvaluator(only(smart));
    const raised = evaluator.onInventory(
      {
        disks: [
          disk('/dev/sda', 'S1', 'FAILING'),
          disk('/dev/sdb', 'S2', 'Ok'),
          disk('/dev/sdc', 'S3', 'Predicted Failure'),
        ],
      },
      T0,
    );
    expect(kinds(raised)).toEqual(['raised smart:S1', 'raised smart:S3']);
    expect(raised[0]).toMatchObject({
      subject: 'Disk Disk S1 (/dev/sda) reports SMART status FAILING',
      values: { smartStatus: 'FAILING', serial: 'S1' },
      at: T0,
    });
    expect(
      evaluator.onInventory(
        {
          disks: [
            disk('/dev/sda', 'S1', 'FAILING'),
            disk('/dev/sdb', 'S2', 'Ok'),
            disk('/dev/sdc', 'S3', 'Predicted Failure'),
          ],
        },
        T0 + HOUR,
      ),
    ).toEqual([]);
    const cleared = evaluator.onInventory(
      {
        disks: [
          disk('/dev/sda', 'S1', 'Ok'),
          disk('/dev/sdb', 'S2', 'Ok'),
          disk('/dev/sdc', 'S3', 'Predicted Failure'),
        ],
      },
      T0 + 2 * HOUR,
    );
    expect(kinds(cleared)).toEqual(['cleared smart:S1']);
  });

  it('takes an empty or unknown status as no news, not as a recovery', () => {
    const evaluator = createCheckEvaluator(only(smart));
    evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', 'FAILING')] }, T0);
    expect(evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', 'unknown')] }, T0 + HOUR)).toEqual([]);
    expect(evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', '')] }, T0 + 2 * HOUR)).toEqual([]);
    expect(kinds(evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', 'ok')] }, T0 + 3 * HOUR))).toEqual([
      'cleared smart:S1',
    ]);
  });

  it('keeps the fault of a failing disk that vanished, since a dead disk often does', () => {
    const evaluator = createCheckEvaluator(only(smart));
    evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', 'FAILING'), disk('/dev/sdb', 'S2', 'Ok')] }, T0);
    expect(evaluator.onInventory({ disks: [disk('/dev/sdb', 'S2', 'Ok')] }, T0 + HOUR)).toEqual([]);
    expect(evaluator.state().checks.smart?.faults['smart:S1']?.raised).toBe(true);
  });

  it('decides nothing from an inventory without the disks section (unchanged since the last one)', () => {
    const evaluator = createCheckEvaluator(only(smart));
    evaluator.onInventory({ disks: [disk('/dev/sda', 'S1', 'FAILING')] }, T0);
    expect(evaluator.onInventory({ services: [] }, T0 + HOUR)).toEqual([]);
    expect(evaluator.state().checks.smart?.faults['smart:S1']?.raised).toBe(true);
  });
});

describe('battery capacity check (60 % of design, recovery above 65 %)', () => {
  it('raises when the battery holds 55 % of its design capacity', () => {
    const evaluator = createCheckEvaluator(only(batteryCheck));
    const raised = evaluator.onInventory({ battery: battery(27_500) }, T0);
    expect(raised).toMatchObject([
      {
        type: 'raised',
        faultKey: 'battery',
        subject: 'Battery holds 55 % of its design capacity',
        values: { sharePct: 55, cycleCount: 812 },
      },
    ]);
    expect(raised[0]!.detail).toContain('27500 of its designed 50000 mWh');
  });

  it('stays raised at 62 % and clears above 65 % (a new battery)', () => {
    const evaluator = createCheckEvaluator(only(batteryCheck));
    evaluator.onInventory({ battery: battery(27_500) }, T0);
    expect(evaluator.onInventory({ battery: battery(31_000) }, T0 + HOUR)).toEqual([]);
    expect(kinds(evaluator.onInventory({ battery: battery(49_000) }, T0 + 2 * HOUR))).toEqual(['cleared battery']);
  });

  it('does not judge a PC without a battery or a battery that reports no capacities', () => {
    const evaluator = createCheckEvaluator(only(batteryCheck));
    expect(evaluator.onInventory({ battery: null }, T0)).toEqual([]);
    expect(evaluator.onInventory({ battery: battery(0, 0) }, T0)).toEqual([]);
    expect(evaluator.onInventory({ battery: battery(0) }, T0)).toEqual([]);
  });
});

describe('service running check', () => {
  it('raises when the named service is stopped and clears when it runs again', () => {
    const evaluator = createCheckEvaluator(only(spooler));
    expect(evaluator.onInventory({ services: [service('Spooler', 'running')] }, T0)).toEqual([]);
    const raised = evaluator.onInventory({ services: [service('Spooler', 'stopped')] }, T0 + HOUR);
    expect(raised).toMatchObject([
      { type: 'raised', faultKey: 'spooler', subject: 'Service Spooler is not running', values: { state: 'stopped' } },
    ]);
    expect(kinds(evaluator.onInventory({ services: [service('Spooler', 'running')] }, T0 + 2 * HOUR))).toEqual([
      'cleared spooler',
    ]);
  });

  it('raises when the named service is not installed', () => {
    const evaluator = createCheckEvaluator(only(spooler));
    expect(evaluator.onInventory({ services: [service('wuauserv', 'running')] }, T0)).toMatchObject([
      { type: 'raised', subject: 'Service Spooler is not installed', values: { state: 'missing' } },
    ]);
  });

  it('does not raise on an empty services list, which means the OS told nothing', () => {
    const evaluator = createCheckEvaluator(only(spooler));
    expect(evaluator.onInventory({ services: [] }, T0)).toEqual([]);
    expect(evaluator.state().checks).toEqual({});
  });

  it('finds a systemd unit by its name without ".service" and a Windows service in any case', () => {
    const sshd = createCheckEvaluator(only({ ...spooler, id: 'sshd', service: 'sshd' }));
    expect(sshd.onInventory({ services: [service('sshd.service', 'stopped')] }, T0)).toMatchObject([
      { subject: 'Service sshd is not running' },
    ]);
    const windows = createCheckEvaluator(only(spooler));
    expect(windows.onInventory({ services: [service('spooler', 'running')] }, T0)).toEqual([]);
  });
});

describe('checks the agent does not run', () => {
  it('ignores the server-side offline check and health checks on inventory', () => {
    const evaluator = createCheckEvaluator(DEFAULT_CHECK_POLICY);
    expect(evaluator.onInventory({ services: [service('x', 'stopped')], battery: null, disks: [] }, T0)).toEqual([]);
    expect(evaluator.state().checks).toEqual({});
  });
});
