import { describe, expect, it } from 'vitest';
import { createCheckEvaluator } from '../../agent/checks/evaluator.js';
import { type CheckDefinition, DEFAULT_CHECK_POLICY } from '../../protocol/messages/checks.js';
import type { HealthSample } from '../../protocol/messages/health.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => T0 + minutes * MINUTE;

function sample(
  minutes: number,
  values: { cpu?: number; mem?: number; disks?: Record<string, number> } = {},
): HealthSample {
  const filesystems = Object.entries(values.disks ?? { '/': 50 }).map(([mount, usedPct]) => ({
    mount,
    usedPct,
    usedBytes: usedPct * 1e9,
    sizeBytes: 100e9,
  }));
  return {
    at: at(minutes),
    cpuPct: values.cpu ?? 10,
    memUsedPct: values.mem ?? 40,
    memUsedBytes: 1,
    swapUsedPct: null,
    filesystems,
    cpuTempC: null,
    battery: null,
    uptimeSec: 1,
    processCount: 1,
    topCpu: [],
    topMem: [],
  };
}
const only = (check: CheckDefinition) => ({ checks: [check] });
const disk: CheckDefinition = {
  kind: 'disk_usage',
  id: 'disk',
  name: 'Disk full',
  autoResolve: true,
  thresholdPct: 90,
  recoverBelowPct: 85,
};
const memory: CheckDefinition = {
  kind: 'memory_usage',
  id: 'memory',
  name: 'Memory high',
  autoResolve: true,
  thresholdPct: 95,
  recoverBelowPct: 90,
  forMinutes: 10,
};
const cpu: CheckDefinition = {
  kind: 'cpu_usage',
  id: 'cpu',
  name: 'CPU high',
  autoResolve: true,
  thresholdPct: 95,
  recoverBelowPct: 85,
  forMinutes: 15,
};
const kinds = (transitions: Array<{ type: string; faultKey: string }>) =>
  transitions.map((t) => `${t.type} ${t.faultKey}`);

describe('disk usage check', () => {
  it('raises once at 91 %, stays raised at 89 % (hysteresis) and clears at 84 %', () => {
    const evaluator = createCheckEvaluator(only(disk));
    const raised = evaluator.onHealthSample(sample(0, { disks: { '/': 91 } }));
    expect(raised).toMatchObject([
      {
        type: 'raised',
        faultKey: 'disk:/',
        subject: 'Disk / is 91 % full',
        at: at(0),
        values: { mount: '/', usedPct: 91 },
      },
    ]);
    expect(evaluator.onHealthSample(sample(1, { disks: { '/': 93 } }))).toEqual([]);
    expect(evaluator.onHealthSample(sample(2, { disks: { '/': 89 } }))).toEqual([]);
    const cleared = evaluator.onHealthSample(sample(3, { disks: { '/': 84 } }));
    expect(cleared).toMatchObject([{ type: 'cleared', faultKey: 'disk:/', subject: 'Disk / is 84 % full' }]);
    expect(cleared[0]!.detail).toContain('below the recovery level of 85 %');
  });

  it('does not raise at exactly the threshold, which is not above it', () => {
    const evaluator = createCheckEvaluator(only(disk));
    expect(evaluator.onHealthSample(sample(0, { disks: { '/': 90 } }))).toEqual([]);
  });

  it('keeps one fault per mount', () => {
    const evaluator = createCheckEvaluator(only(disk));
    expect(kinds(evaluator.onHealthSample(sample(0, { disks: { '/': 95, '/home': 50 } })))).toEqual(['raised disk:/']);
    expect(kinds(evaluator.onHealthSample(sample(1, { disks: { '/': 95, '/home': 97 } })))).toEqual([
      'raised disk:/home',
    ]);
    expect(kinds(evaluator.onHealthSample(sample(2, { disks: { '/': 80, '/home': 97 } })))).toEqual(['cleared disk:/']);
  });

  it('watches only the named mount when the check names one', () => {
    const evaluator = createCheckEvaluator(only({ ...disk, mount: '/home' }));
    expect(kinds(evaluator.onHealthSample(sample(0, { disks: { '/': 99, '/home': 95 } })))).toEqual([
      'raised disk:/home',
    ]);
  });

  it('clears the fault of a mount that went away, but decides nothing on a sample without file systems', () => {
    const evaluator = createCheckEvaluator(only(disk));
    evaluator.onHealthSample(sample(0, { disks: { '/': 50, '/media/usb': 99 } }));
    expect(evaluator.onHealthSample(sample(1, { disks: {} }))).toEqual([]);
    const cleared = evaluator.onHealthSample(sample(2, { disks: { '/': 50 } }));
    expect(cleared).toMatchObject([
      { type: 'cleared', faultKey: 'disk:/media/usb', values: { reason: 'not_observed' } },
    ]);
    expect(cleared[0]!.detail).toContain('/media/usb is no longer mounted');
  });
});

describe('memory usage check (95 % for 10 minutes)', () => {
  it('does not raise after 9 minutes above the threshold and raises at 10', () => {
    const evaluator = createCheckEvaluator(only(memory));
    for (let minute = 0; minute <= 9; minute++)
      expect(evaluator.onHealthSample(sample(minute, { mem: 97 }))).toEqual([]);
    const raised = evaluator.onHealthSample(sample(10, { mem: 97 }));
    expect(raised).toMatchObject([{ type: 'raised', faultKey: 'memory', subject: 'Memory use is 97 %', at: at(10) }]);
    expect(raised[0]!.detail).toContain('above 95 % in every sample for 10 minutes');
    expect(evaluator.onHealthSample(sample(11, { mem: 97 }))).toEqual([]);
  });

  it('restarts the timer after a single sample below the threshold', () => {
    const evaluator = createCheckEvaluator(only(memory));
    for (let minute = 0; minute <= 8; minute++) evaluator.onHealthSample(sample(minute, { mem: 97 }));
    expect(evaluator.onHealthSample(sample(9, { mem: 94 }))).toEqual([]);
    for (let minute = 10; minute <= 19; minute++)
      expect(evaluator.onHealthSample(sample(minute, { mem: 97 }))).toEqual([]);
    expect(kinds(evaluator.onHealthSample(sample(20, { mem: 97 })))).toEqual(['raised memory']);
  });

  it('restarts the timer after a gap in the samples (agent stopped, PC asleep)', () => {
    const evaluator = createCheckEvaluator(only(memory));
    evaluator.onHealthSample(sample(0, { mem: 97 }));
    expect(evaluator.onHealthSample(sample(60, { mem: 97 }))).toEqual([]);
    for (let minute = 61; minute <= 69; minute++)
      expect(evaluator.onHealthSample(sample(minute, { mem: 97 }))).toEqual([]);
    expect(kinds(evaluator.onHealthSample(sample(70, { mem: 97 })))).toEqual(['raised memory']);
  });

  it('clears only after memory stayed below the recovery level for the same 10 minutes', () => {
    const evaluator = createCheckEvaluator(only(memory));
    for (let minute = 0; minute <= 10; minute++) evaluator.onHealthSample(sample(minute, { mem: 97 }));
    for (let minute = 11; minute <= 20; minute++)
      expect(evaluator.onHealthSample(sample(minute, { mem: 80 }))).toEqual([]);
    const cleared = evaluator.onHealthSample(sample(21, { mem: 80 }));
    expect(cleared).toMatchObject([{ type: 'cleared', faultKey: 'memory', subject: 'Memory use is 80 %' }]);
    expect(cleared[0]!.detail).toContain('below 90 % in every sample for 10 minutes');
  });
});

describe('CPU usage check (95 % for 15 minutes, recovery below 85 %)', () => {
  it('never raises while the CPU flaps around the threshold', () => {
    const evaluator = createCheckEvaluator(only(cpu));
    for (let minute = 0; minute < 120; minute++) {
      expect(evaluator.onHealthSample(sample(minute, { cpu: minute % 3 === 2 ? 94 : 99 }))).toEqual([]);
    }
  });

  it('raises once under sustained load and stays raised while the load dips into the band or briefly below it', () => {
    const evaluator = createCheckEvaluator(only(cpu));
    const transitions = [];
    for (let minute = 0; minute <= 15; minute++)
      transitions.push(...evaluator.onHealthSample(sample(minute, { cpu: 99 })));
    for (let minute = 16; minute < 120; minute++) {
      transitions.push(...evaluator.onHealthSample(sample(minute, { cpu: [99, 90, 70, 96][minute % 4]! })));
    }
    expect(kinds(transitions)).toEqual(['raised cpu']);
    for (let minute = 120; minute <= 135; minute++)
      transitions.push(...evaluator.onHealthSample(sample(minute, { cpu: 20 })));
    expect(kinds(transitions)).toEqual(['raised cpu', 'cleared cpu']);
  });

  it('judges by the default policy when given it', () => {
    const evaluator = createCheckEvaluator(DEFAULT_CHECK_POLICY);
    const transitions = [];
    for (let minute = 0; minute <= 15; minute++)
      transitions.push(...evaluator.onHealthSample(sample(minute, { cpu: 99, mem: 96, disks: { '/': 91 } })));
    expect(kinds(transitions)).toEqual(['raised disk:/', 'raised memory', 'raised cpu']);
  });
});
