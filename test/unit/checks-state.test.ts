import { describe, expect, it } from 'vitest';
import { createCheckEvaluator } from '../../agent/checks/evaluator.js';
import { parseCheckEvaluatorState } from '../../agent/checks/state.js';
import { type CheckDefinition, type CheckPolicy } from '../../protocol/messages/checks.js';
import type { HealthSample } from '../../protocol/messages/health.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => T0 + minutes * MINUTE;

function sample(minutes: number, values: { mem?: number; disks?: Record<string, number> } = {}): HealthSample {
  const filesystems = Object.entries(values.disks ?? { '/': 50 }).map(([mount, usedPct]) => ({
    mount,
    usedPct,
    usedBytes: 1,
    sizeBytes: 2,
  }));
  return {
    at: at(minutes),
    cpuPct: 5,
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
const policy: CheckPolicy = { checks: [disk, memory] };
const kinds = (transitions: Array<{ type: string; faultKey: string }>) =>
  transitions.map((t) => `${t.type} ${t.faultKey}`);
/** What the agent does across a restart: write the state as JSON, read it back. */
const throughJson = (state: unknown) => parseCheckEvaluatorState(JSON.parse(JSON.stringify(state)));

describe('check state across restarts', () => {
  it('does not raise a fault again after a restart with the saved state', () => {
    const before = createCheckEvaluator(policy);
    expect(kinds(before.onHealthSample(sample(0, { disks: { '/': 95 } })))).toEqual(['raised disk:/']);
    const after = createCheckEvaluator(policy, throughJson(before.state()));
    expect(after.onHealthSample(sample(1, { disks: { '/': 95 } }))).toEqual([]);
    expect(kinds(after.onHealthSample(sample(2, { disks: { '/': 70 } })))).toEqual(['cleared disk:/']);
  });

  it('keeps a running duration timer across a short restart', () => {
    const before = createCheckEvaluator(policy);
    for (let minute = 0; minute <= 6; minute++) before.onHealthSample(sample(minute, { mem: 99 }));
    const after = createCheckEvaluator(policy, throughJson(before.state()));
    for (let minute = 7; minute <= 9; minute++) expect(after.onHealthSample(sample(minute, { mem: 99 }))).toEqual([]);
    expect(kinds(after.onHealthSample(sample(10, { mem: 99 })))).toEqual(['raised memory']);
  });

  it('keeps only plain JSON, and nothing for checks with nothing to remember', () => {
    const evaluator = createCheckEvaluator(policy);
    evaluator.onHealthSample(sample(0, { disks: { '/': 50 }, mem: 50 }));
    expect(evaluator.state()).toEqual({ version: 1, checks: {} });
    evaluator.onHealthSample(sample(1, { disks: { '/': 95 } }));
    const state = evaluator.state();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.checks.disk?.faults['disk:/']).toEqual({
      raised: true,
      runSince: null,
      lastAt: at(1),
      subject: 'Disk / is 95 % full',
    });
  });

  it('refuses a damaged or foreign state file, so the agent starts afresh', () => {
    expect(parseCheckEvaluatorState({ version: 2, checks: {} })).toBeNull();
    expect(
      parseCheckEvaluatorState({
        version: 1,
        checks: { disk: { scope: 'x', faults: { 'disk:/': { raised: 'yes' } } } },
      }),
    ).toBeNull();
    expect(parseCheckEvaluatorState('{}')).toBeNull();
  });

  it('is not changed by the caller mutating what state() returned', () => {
    const evaluator = createCheckEvaluator(policy);
    evaluator.onHealthSample(sample(0, { disks: { '/': 95 } }));
    evaluator.state().checks = {};
    expect(evaluator.onHealthSample(sample(1, { disks: { '/': 95 } }))).toEqual([]);
  });
});

describe('a new policy', () => {
  it('keeps the state of unchanged checks and drops removed ones, clearing what they had raised', () => {
    const evaluator = createCheckEvaluator(policy);
    for (let minute = 0; minute <= 10; minute++)
      evaluator.onHealthSample(sample(minute, { mem: 99, disks: { '/': 95 } }));
    const dropped = evaluator.applyPolicy({ checks: [disk] }, at(11));
    expect(dropped).toMatchObject([
      { type: 'cleared', faultKey: 'memory', values: { reason: 'check_removed' }, at: at(11) },
    ]);
    expect(Object.keys(evaluator.state().checks)).toEqual(['disk']);
    expect(evaluator.onHealthSample(sample(12, { mem: 99, disks: { '/': 95 } }))).toEqual([]);
  });

  it('applies new thresholds to a kept fault from the next sample on', () => {
    const evaluator = createCheckEvaluator(policy);
    evaluator.onHealthSample(sample(0, { disks: { '/': 93 } }));
    expect(evaluator.applyPolicy({ checks: [{ ...disk, thresholdPct: 95, recoverBelowPct: 94 }] }, at(1))).toEqual([]);
    expect(kinds(evaluator.onHealthSample(sample(2, { disks: { '/': 93 } })))).toEqual(['cleared disk:/']);
  });

  it('starts afresh when a check now watches another mount', () => {
    const evaluator = createCheckEvaluator(policy);
    evaluator.onHealthSample(sample(0, { disks: { '/': 95, '/home': 95 } }));
    const transitions = evaluator.applyPolicy({ checks: [{ ...disk, mount: '/home' }] }, at(1));
    expect(kinds(transitions)).toEqual(['cleared disk:/', 'cleared disk:/home']);
    expect(kinds(evaluator.onHealthSample(sample(2, { disks: { '/': 95, '/home': 95 } })))).toEqual([
      'raised disk:/home',
    ]);
  });

  it('drops saved state of checks the policy at start does not have', () => {
    const before = createCheckEvaluator(policy);
    before.onHealthSample(sample(0, { disks: { '/': 95 } }));
    const after = createCheckEvaluator({ checks: [memory] }, throughJson(before.state()));
    expect(after.state().checks).toEqual({});
  });
});
