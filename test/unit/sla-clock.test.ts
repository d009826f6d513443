// SLA clocks of a ticket driven by a fake clock (plain instants): deadlines, time left, pending
// pauses, warnings, breaches and 'met', to the exact minute. Default policy: Mon–Fri 08:00–17:00
// UTC, P1 = 1 h first response / 4 h resolution, P3 = 4 h / 24 h, warning at 75 %.
// 2025-03-07 is a Friday; 2025-03-10 a Monday.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, type Priority, type SlaPolicy } from '../../protocol/api/sla.js';
import { evaluateSla, type SlaClockInput, type StatusInterval } from '../../server/features/sla/sla-clock.js';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

function ticket(overrides: Partial<SlaClockInput> & { createdAt: number; now: number }): SlaClockInput {
  return {
    policy: DEFAULT_SLA_POLICY,
    priority: 1,
    statusIntervals: [],
    firstResponseAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

describe('deadlines', () => {
  const createdAt = at('2025-03-07T16:30:00Z');

  it('puts a P1 ticket opened Friday 16:30 due for first response Monday 08:30 and resolution Monday 11:30', () => {
    const sla = evaluateSla(ticket({ createdAt, now: createdAt }));
    expect(sla.firstResponse.deadlineAt).toBe(at('2025-03-10T08:30:00Z'));
    expect(sla.resolution.deadlineAt).toBe(at('2025-03-10T11:30:00Z'));
    expect(sla.firstResponse).toMatchObject({ state: 'running', targetMinutes: 60, usedMinutes: 0, leftMinutes: 60 });
  });

  it('counts time left in business minutes: over the weekend it stands still', () => {
    const fridayEvening = evaluateSla(ticket({ createdAt, now: at('2025-03-07T20:00:00Z') }));
    const mondayEarly = evaluateSla(ticket({ createdAt, now: at('2025-03-10T07:59:00Z') }));
    expect(fridayEvening.firstResponse.leftMinutes).toBe(30);
    expect(mondayEarly.firstResponse.leftMinutes).toBe(30);
    expect(evaluateSla(ticket({ createdAt, now: at('2025-03-10T08:10:00Z') })).firstResponse.leftMinutes).toBe(20);
  });

  it('takes the targets of the ticket priority', () => {
    const sla = evaluateSla(ticket({ createdAt, now: createdAt, priority: 5 }));
    expect(sla.firstResponse.targetMinutes).toBe(16 * 60);
    // 30 min on Friday, then 9 h Monday and 6.5 h Tuesday.
    expect(sla.firstResponse.deadlineAt).toBe(at('2025-03-11T14:30:00Z'));
  });

  it('rejects a priority off the scale', () => {
    expect(() => evaluateSla(ticket({ createdAt, now: createdAt, priority: 7 as Priority }))).toThrow(/1..5/);
  });
});

describe('warnings and breaches', () => {
  const createdAt = at('2025-03-07T16:30:00Z');

  it('warns at exactly 75 % of the target: Monday 08:15 for a 1 h target opened Friday 16:30', () => {
    const before = evaluateSla(ticket({ createdAt, now: at('2025-03-10T08:14:00Z') }));
    const onTheMinute = evaluateSla(ticket({ createdAt, now: at('2025-03-10T08:15:00Z') }));
    expect(before.firstResponse).toMatchObject({
      state: 'running',
      warned: false,
      warningAt: at('2025-03-10T08:15:00Z'),
      leftMinutes: 16,
    });
    expect(onTheMinute.firstResponse).toMatchObject({ state: 'warning', warned: true, leftMinutes: 15 });
  });

  it('breaches at the deadline itself, and time left goes negative after it', () => {
    const justBefore = evaluateSla(ticket({ createdAt, now: at('2025-03-10T08:30:00Z') - 1 }));
    const atDeadline = evaluateSla(ticket({ createdAt, now: at('2025-03-10T08:30:00Z') }));
    const later = evaluateSla(ticket({ createdAt, now: at('2025-03-10T09:00:00Z') }));
    expect(justBefore.firstResponse.state).toBe('warning');
    expect(atDeadline.firstResponse).toMatchObject({
      state: 'breached',
      breachAt: at('2025-03-10T08:30:00Z'),
      leftMinutes: 0,
    });
    expect(later.firstResponse).toMatchObject({ state: 'breached', usedMinutes: 90, leftMinutes: -30 });
  });

  it('rounds the warning share to whole minutes', () => {
    const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, warnAtShare: 0.7 };
    const opened = at('2025-03-10T09:00:00Z');
    // 70 % of 60 min = 42 min, not 41.99999.
    expect(evaluateSla(ticket({ policy, createdAt: opened, now: opened })).firstResponse.warningAt).toBe(
      opened + 42 * MINUTE,
    );
  });
});

describe('stopped clocks', () => {
  const createdAt = at('2025-03-10T09:00:00Z');

  it('is met when resolved before the deadline, with no warning or breach to come', () => {
    const resolvedAt = at('2025-03-10T10:00:00Z');
    const sla = evaluateSla(
      ticket({ createdAt, firstResponseAt: at('2025-03-10T09:20:00Z'), resolvedAt, now: at('2025-03-12T12:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({
      state: 'met',
      usedMinutes: 20,
      leftMinutes: 40,
      warningAt: null,
      breachAt: null,
    });
    expect(sla.resolution).toMatchObject({
      state: 'met',
      usedMinutes: 60,
      leftMinutes: 180,
      warningAt: null,
      breachAt: null,
    });
  });

  it('is met but keeps its warning when answered after the warning and before the deadline', () => {
    const sla = evaluateSla(
      ticket({ createdAt, firstResponseAt: at('2025-03-10T09:50:00Z'), now: at('2025-03-10T12:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({
      state: 'met',
      warned: true,
      warningAt: at('2025-03-10T09:45:00Z'),
      breachAt: null,
    });
  });

  it('counts a response exactly at the deadline as on time', () => {
    const sla = evaluateSla(
      ticket({ createdAt, firstResponseAt: at('2025-03-10T10:00:00Z'), now: at('2025-03-10T10:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({ state: 'met', leftMinutes: 0, breached: false });
  });

  it('stays breached after a late response', () => {
    const sla = evaluateSla(
      ticket({ createdAt, firstResponseAt: at('2025-03-10T10:05:00Z'), now: at('2025-03-11T10:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({
      state: 'breached',
      breachAt: at('2025-03-10T10:00:00Z'),
      usedMinutes: 65,
      leftMinutes: -5,
    });
  });

  it('is breached when answered in the evening after a deadline at closing time', () => {
    const opened = at('2025-03-10T16:00:00Z');
    const sla = evaluateSla(
      ticket({ createdAt: opened, firstResponseAt: at('2025-03-10T19:00:00Z'), now: at('2025-03-10T19:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({
      state: 'breached',
      breachAt: at('2025-03-10T17:00:00Z'),
      leftMinutes: 0,
    });
  });

  it('takes the resolution as the first response when none was recorded', () => {
    const sla = evaluateSla(
      ticket({ createdAt, resolvedAt: at('2025-03-10T09:30:00Z'), now: at('2025-03-10T12:00:00Z') }),
    );
    expect(sla.firstResponse).toMatchObject({ state: 'met', usedMinutes: 30 });
  });
});

describe('pending time', () => {
  // P3: 4 h first response, 24 h resolution. Opened Monday 09:00, resolution due Wednesday 15:00.
  const createdAt = at('2025-03-10T09:00:00Z');
  const p3 = (statusIntervals: StatusInterval[], now: number) =>
    ticket({ priority: 3, createdAt, statusIntervals, now, firstResponseAt: at('2025-03-10T09:30:00Z') });

  it('moves the deadline by the 2 business hours spent pending on Tuesday 09:00–11:00', () => {
    const without = evaluateSla(p3([{ status: 'open', from: createdAt, to: null }], createdAt));
    const withPending = evaluateSla(
      p3(
        [
          { status: 'open', from: createdAt, to: at('2025-03-11T09:00:00Z') },
          { status: 'pending', from: at('2025-03-11T09:00:00Z'), to: at('2025-03-11T11:00:00Z') },
          { status: 'open', from: at('2025-03-11T11:00:00Z'), to: null },
        ],
        at('2025-03-11T12:00:00Z'),
      ),
    );
    expect(without.resolution.deadlineAt).toBe(at('2025-03-12T15:00:00Z'));
    expect(withPending.resolution.deadlineAt).toBe(at('2025-03-12T17:00:00Z'));
    // Monday 8 h plus Tuesday 08:00–09:00 and 11:00–12:00.
    expect(withPending.resolution.usedMinutes).toBe(10 * 60);
  });

  it('is paused while pending, and the projected deadline moves on as the pause lasts', () => {
    const pendingSince = [
      { status: 'open', from: createdAt, to: at('2025-03-11T09:00:00Z') },
      { status: 'pending', from: at('2025-03-11T09:00:00Z'), to: null },
    ];
    const at10 = evaluateSla(p3(pendingSince, at('2025-03-11T10:00:00Z')));
    const at1030 = evaluateSla(p3(pendingSince, at('2025-03-11T10:30:00Z')));
    expect(at10.resolution).toMatchObject({ state: 'paused', usedMinutes: 9 * 60, leftMinutes: 15 * 60 });
    expect(at10.resolution.deadlineAt).toBe(at('2025-03-12T16:00:00Z'));
    expect(at1030.resolution.usedMinutes).toBe(9 * 60);
    expect(at1030.resolution.deadlineAt).toBe(at('2025-03-12T16:30:00Z'));
  });

  it('changes nothing when the pending time lies outside working hours', () => {
    const evening = [{ status: 'pending', from: at('2025-03-10T18:00:00Z'), to: at('2025-03-11T07:30:00Z') }];
    expect(evaluateSla(p3(evening, at('2025-03-11T12:00:00Z'))).resolution.deadlineAt).toBe(at('2025-03-12T15:00:00Z'));
  });

  it('pauses the first-response clock too, and a breached clock stays breached while pending', () => {
    const pending = [{ status: 'pending', from: at('2025-03-10T09:00:00Z'), to: at('2025-03-10T10:00:00Z') }];
    const unanswered = { ...p3(pending, at('2025-03-10T12:00:00Z')), firstResponseAt: null };
    expect(evaluateSla(unanswered).firstResponse.deadlineAt).toBe(at('2025-03-10T14:00:00Z'));
    const lateAndPending = ticket({
      createdAt,
      now: at('2025-03-10T11:00:00Z'),
      statusIntervals: [{ status: 'pending', from: at('2025-03-10T10:30:00Z'), to: null }],
    });
    expect(evaluateSla(lateAndPending).firstResponse).toMatchObject({
      state: 'breached',
      breachAt: at('2025-03-10T10:00:00Z'),
    });
  });

  it('pauses on the statuses the caller names', () => {
    const onHold = [{ status: 'on_hold', from: at('2025-03-10T09:00:00Z'), to: at('2025-03-10T10:00:00Z') }];
    const input = { ...p3(onHold, at('2025-03-10T12:00:00Z')), firstResponseAt: null };
    expect(evaluateSla(input).firstResponse.deadlineAt).toBe(at('2025-03-10T13:00:00Z'));
    expect(evaluateSla({ ...input, pausedStatuses: ['on_hold'] }).firstResponse.deadlineAt).toBe(
      at('2025-03-10T14:00:00Z'),
    );
  });
});

describe('a Berlin calendar over the spring DST change', () => {
  it('warns and breaches at Monday 08:15 and 08:30 local for a P1 ticket opened Friday 16:30', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      calendar: { ...DEFAULT_SLA_POLICY.calendar, timeZone: 'Europe/Berlin' },
    };
    const createdAt = at('2025-03-28T16:30:00+01:00');
    const sla = evaluateSla(ticket({ policy, createdAt, now: at('2025-03-31T08:20:00+02:00') }));
    expect(sla.firstResponse).toMatchObject({
      state: 'warning',
      warningAt: at('2025-03-31T08:15:00+02:00'),
      deadlineAt: at('2025-03-31T08:30:00+02:00'),
      leftMinutes: 10,
    });
  });
});
