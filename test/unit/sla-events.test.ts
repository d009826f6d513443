// SLA events on a ticket: each warning and breach recorded once, at the instant it happened,
// however often or late the ticket service evaluates; and when the service should look next.
import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { DEFAULT_SLA_POLICY, TicketSlaView } from '../../protocol/api/sla.js';
import { evaluateSla, type SlaClockInput, type SlaEvaluation } from '../../server/features/sla/sla-clock.js';
import {
  nextSlaCheckAt,
  slaEventsBetween,
  toTicketSlaView,
  unrecordedSlaEvents,
  type SlaEvent,
} from '../../server/features/sla/sla-events.js';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

// P1 opened Friday 16:30 UTC: first response warns Monday 08:15, breaches 08:30;
// resolution (4 h) warns Monday 10:30, breaches 11:30.
const createdAt = at('2025-03-07T16:30:00Z');
const base: SlaClockInput = {
  policy: DEFAULT_SLA_POLICY,
  priority: 1,
  createdAt,
  statusIntervals: [],
  firstResponseAt: null,
  resolvedAt: null,
  now: createdAt,
};

/** Evaluates every `stepMinutes` from `from` to `to` like a scheduler would, collecting the events. */
function runClock(input: SlaClockInput, from: number, to: number, stepMinutes: number): SlaEvent[] {
  const events: SlaEvent[] = [];
  let previous: SlaEvaluation | null = null;
  for (let now = from; now <= to; now += stepMinutes * MINUTE) {
    const next = evaluateSla({ ...input, now });
    events.push(...slaEventsBetween(previous, next));
    previous = next;
  }
  return events;
}

describe('slaEventsBetween', () => {
  it('fires the first-response warning on the exact minute it is due, and only once', () => {
    const events = runClock(base, at('2025-03-10T08:00:00Z'), at('2025-03-10T08:20:00Z'), 1);
    expect(events).toEqual([{ type: 'sla.warning', kind: 'first_response', at: at('2025-03-10T08:15:00Z') }]);
  });

  it('fires each warning and breach once over a morning of minute-by-minute checks', () => {
    const events = runClock(base, at('2025-03-07T16:30:00Z'), at('2025-03-10T13:00:00Z'), 1);
    expect(events).toEqual([
      { type: 'sla.warning', kind: 'first_response', at: at('2025-03-10T08:15:00Z') },
      { type: 'sla.breach', kind: 'first_response', at: at('2025-03-10T08:30:00Z') },
      { type: 'sla.warning', kind: 'resolution', at: at('2025-03-10T10:30:00Z') },
      { type: 'sla.breach', kind: 'resolution', at: at('2025-03-10T11:30:00Z') },
    ]);
  });

  it('dates events when they happened, not when a late check noticed them', () => {
    const late = evaluateSla({ ...base, now: at('2025-03-10T12:00:00Z') });
    const events = slaEventsBetween(null, late);
    expect(events.map((event) => [event.type, event.kind, new Date(event.at).toISOString()])).toEqual([
      ['sla.warning', 'first_response', '2025-03-10T08:15:00.000Z'],
      ['sla.breach', 'first_response', '2025-03-10T08:30:00.000Z'],
      ['sla.warning', 'resolution', '2025-03-10T10:30:00.000Z'],
      ['sla.breach', 'resolution', '2025-03-10T11:30:00.000Z'],
    ]);
  });

  it('fires nothing for a ticket answered and resolved in time', () => {
    const quick = { ...base, firstResponseAt: at('2025-03-10T08:05:00Z'), resolvedAt: at('2025-03-10T09:00:00Z') };
    expect(runClock(quick, createdAt, at('2025-03-11T12:00:00Z'), 15)).toEqual([]);
  });

  it('fires no breach while the ticket waits in pending past its old deadline', () => {
    const pending = {
      ...base,
      firstResponseAt: at('2025-03-10T08:05:00Z'),
      statusIntervals: [{ status: 'pending', from: at('2025-03-10T09:00:00Z'), to: null }],
    };
    const events = runClock(pending, createdAt, at('2025-03-10T16:00:00Z'), 5);
    expect(events.filter((event) => event.kind === 'resolution')).toEqual([]);
  });
});

describe('unrecordedSlaEvents', () => {
  it('leaves out the events already on the ticket', () => {
    const late = evaluateSla({ ...base, now: at('2025-03-10T12:00:00Z') });
    const recorded = [
      { type: 'sla.warning' as const, kind: 'first_response' as const },
      { type: 'sla.breach' as const, kind: 'first_response' as const },
    ];
    expect(unrecordedSlaEvents(late, recorded).map((event) => `${event.type} ${event.kind}`)).toEqual([
      'sla.warning resolution',
      'sla.breach resolution',
    ]);
  });
});

describe('nextSlaCheckAt', () => {
  it('points at the next warning or breach of a running clock', () => {
    expect(nextSlaCheckAt(evaluateSla({ ...base, now: at('2025-03-08T12:00:00Z') }))).toBe(at('2025-03-10T08:15:00Z'));
    expect(nextSlaCheckAt(evaluateSla({ ...base, now: at('2025-03-10T08:15:00Z') }))).toBe(at('2025-03-10T08:30:00Z'));
    expect(nextSlaCheckAt(evaluateSla({ ...base, now: at('2025-03-10T08:30:00Z') }))).toBe(at('2025-03-10T10:30:00Z'));
  });

  it('is null when every clock is stopped or paused', () => {
    const resolved = { ...base, resolvedAt: at('2025-03-10T08:00:00Z'), now: at('2025-03-10T09:00:00Z') };
    expect(nextSlaCheckAt(evaluateSla(resolved))).toBeNull();
    const pending = {
      ...base,
      statusIntervals: [{ status: 'pending', from: createdAt, to: null }],
      now: at('2025-03-10T09:00:00Z'),
    };
    expect(nextSlaCheckAt(evaluateSla(pending))).toBeNull();
  });
});

describe('toTicketSlaView', () => {
  it('matches the API schema, with instants as ISO text', () => {
    const view = toTicketSlaView(evaluateSla({ ...base, now: at('2025-03-10T08:20:00Z') }));
    expect(Compile(TicketSlaView).Check(view)).toBe(true);
    expect(view.firstResponse).toEqual({
      kind: 'first_response',
      state: 'warning',
      targetMinutes: 60,
      usedMinutes: 50,
      leftMinutes: 10,
      deadlineAt: '2025-03-10T08:30:00.000Z',
      warningAt: '2025-03-10T08:15:00.000Z',
      breachAt: '2025-03-10T08:30:00.000Z',
    });
  });
});
