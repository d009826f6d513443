import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { createCheckEvaluator } from '../../agent/checks/evaluator.js';
import { toFaultMessage } from '../../agent/checks/messages.js';
import {
  CheckPolicy,
  DEFAULT_CHECK_POLICY,
  FaultCleared,
  FaultRaised,
  checkPolicyProblems,
} from '../../protocol/messages/checks.js';
import type { HealthSample } from '../../protocol/messages/health.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const sample = (at: number, mount: string, usedPct: number): HealthSample => ({
  at,
  cpuPct: 5,
  memUsedPct: 40,
  memUsedBytes: 1,
  swapUsedPct: null,
  filesystems: [{ mount, usedPct, usedBytes: 93e9, sizeBytes: 100e9 }],
  cpuTempC: null,
  battery: null,
  uptimeSec: 1,
  processCount: 1,
  topCpu: [],
  topMem: [],
});

describe('check policy schema', () => {
  it('accepts the default policy, which has the thresholds of the help-desk issue', () => {
    expect(Value.Check(CheckPolicy, DEFAULT_CHECK_POLICY)).toBe(true);
    expect(checkPolicyProblems(DEFAULT_CHECK_POLICY)).toEqual([]);
    const byKind = Object.fromEntries(DEFAULT_CHECK_POLICY.checks.map((check) => [check.kind, check]));
    expect(byKind.disk_usage).toMatchObject({ thresholdPct: 90, recoverBelowPct: 85 });
    expect(byKind.memory_usage).toMatchObject({ thresholdPct: 95, recoverBelowPct: 90, forMinutes: 10 });
    expect(byKind.cpu_usage).toMatchObject({ thresholdPct: 95, recoverBelowPct: 85, forMinutes: 15 });
    expect(byKind.battery_capacity).toMatchObject({ minSharePct: 60, recoverAbovePct: 65 });
    expect(byKind.offline).toMatchObject({ forMinutes: 30 });
    expect(byKind.smart).toBeDefined();
  });

  it('accepts a check naming a remediation script and refuses a script path', () => {
    const check = {
      kind: 'service_running',
      id: 'spooler',
      name: 'Print spooler',
      autoResolve: true,
      service: 'Spooler',
      remediationScript: 'restart-spooler.ps1',
    };
    expect(Value.Check(CheckPolicy, { checks: [check] })).toBe(true);
    expect(Value.Check(CheckPolicy, { checks: [{ ...check, remediationScript: '../../etc/evil.sh' }] })).toBe(false);
  });

  it('refuses unknown kinds, missing fields, ids with a colon and out-of-range thresholds', () => {
    const disk = {
      kind: 'disk_usage',
      id: 'disk',
      name: 'Disk',
      autoResolve: true,
      thresholdPct: 90,
      recoverBelowPct: 85,
    };
    expect(Value.Check(CheckPolicy, { checks: [{ ...disk, kind: 'temperature' }] })).toBe(false);
    expect(Value.Check(CheckPolicy, { checks: [{ ...disk, recoverBelowPct: undefined }] })).toBe(false);
    expect(Value.Check(CheckPolicy, { checks: [{ ...disk, id: 'disk:c' }] })).toBe(false);
    expect(Value.Check(CheckPolicy, { checks: [{ ...disk, thresholdPct: 120 }] })).toBe(false);
    expect(Value.Check(CheckPolicy, { checks: [{ ...disk, forMinutes: 3 }] })).toBe(false);
  });

  it('names duplicate ids and recovery levels on the wrong side of the threshold', () => {
    const disk = {
      kind: 'disk_usage',
      id: 'disk',
      name: 'Disk',
      autoResolve: true,
      thresholdPct: 90,
      recoverBelowPct: 95,
    } as const;
    const battery = {
      kind: 'battery_capacity',
      id: 'battery',
      name: 'Battery',
      autoResolve: false,
      minSharePct: 60,
      recoverAbovePct: 50,
    } as const;
    expect(checkPolicyProblems({ checks: [disk, battery, { ...disk }] })).toEqual([
      'check "disk": recoverBelowPct (95) must not be above thresholdPct (90)',
      'check "battery": recoverAbovePct (50) must not be below minSharePct (60)',
      'check id "disk" is used more than once',
      'check "disk": recoverBelowPct (95) must not be above thresholdPct (90)',
    ]);
  });

  it('never flaps on a policy whose recovery level lies above its threshold', () => {
    const evaluator = createCheckEvaluator({
      checks: [
        { kind: 'disk_usage', id: 'disk', name: 'Disk', autoResolve: true, thresholdPct: 90, recoverBelowPct: 95 },
      ],
    });
    expect(evaluator.onHealthSample(sample(T0, '/', 92))).toHaveLength(1);
    expect(evaluator.onHealthSample(sample(T0 + 60_000, '/', 92))).toEqual([]);
    expect(evaluator.onHealthSample(sample(T0 + 120_000, '/', 89))).toHaveLength(1);
  });
});

describe('fault messages', () => {
  it('turns a raise and a clear into bodies the fault schemas accept', () => {
    const evaluator = createCheckEvaluator(DEFAULT_CHECK_POLICY);
    const raised = toFaultMessage(evaluator.onHealthSample(sample(T0, '/', 93))[0]!);
    expect(raised).toEqual({
      type: 'fault.raised',
      body: {
        checkId: 'disk',
        faultKey: 'disk:/',
        checkName: 'File system almost full',
        kind: 'disk_usage',
        subject: 'Disk / is 93 % full',
        detail: 'File system / is 93 % full (86.6 GB of 93.1 GB); the limit is 90 %.',
        observedAt: T0,
        values: { mount: '/', usedPct: 93, usedBytes: 93e9, sizeBytes: 100e9, thresholdPct: 90, recoverBelowPct: 85 },
      },
    });
    expect(Value.Check(FaultRaised, { seq: 1, ...raised.body })).toBe(true);
    const cleared = toFaultMessage(evaluator.onHealthSample(sample(T0 + 60_000, '/', 10))[0]!);
    expect(cleared.type).toBe('fault.cleared');
    expect(Value.Check(FaultCleared, { seq: 2, ...cleared.body })).toBe(true);
  });

  it('keeps control characters from a mount name out of the subject', () => {
    const evaluator = createCheckEvaluator(DEFAULT_CHECK_POLICY);
    const message = toFaultMessage(evaluator.onHealthSample(sample(T0, '/media/evil\u001b[2J\nx', 99))[0]!);
    expect(message.type === 'fault.raised' && message.body.subject).toBe('Disk /media/evil?[2J?x is 99 % full');
    expect(Value.Check(FaultRaised, { seq: 1, ...message.body })).toBe(true);
  });
});
