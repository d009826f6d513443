// The SLA clocks of one ticket: first response and resolution, evaluated at an instant.
//
// Pure: the ticket service passes the ticket's history and `now`, and stores or shows the result.
// A clock runs in the business hours of the policy's calendar and stands still while the ticket
// is in a pausing status (`pending` by default). Instants are epoch milliseconds throughout.
import type { Priority, SlaPolicy, SlaState, SlaTimerKind } from '../../../protocol/api/sla.js';
import { MINUTE_MS, addBusinessMs, businessMsBetween } from './business-time.js';

/** One stretch of the ticket's status history; `to` is null for the status it is in now. */
export interface StatusInterval {
  status: string;
  from: number;
  to: number | null;
}

export interface SlaClockInput {
  policy: SlaPolicy;
  priority: Priority;
  createdAt: number;
  statusIntervals: readonly StatusInterval[];
  firstResponseAt: number | null;
  resolvedAt: number | null;
  now: number;
  /** Statuses whose time does not count; defaults to DEFAULT_PAUSED_STATUSES. */
  pausedStatuses?: readonly string[];
}

export const DEFAULT_PAUSED_STATUSES: readonly string[] = ['pending'];

export interface SlaTimer {
  kind: SlaTimerKind;
  state: SlaState;
  targetMinutes: number;
  /** Business time counted so far, exact. */
  usedMs: number;
  /** Whole business minutes used, rounded down. */
  usedMinutes: number;
  /** targetMinutes - usedMinutes: a countdown rounded up; 0 or less once breached. */
  leftMinutes: number;
  /**
   * When the target is (or was) reached. While paused, projected as if the clock resumed now,
   * so it moves on as the pause lasts; after a stop, when it would have been reached.
   */
  deadlineAt: number;
  /** When the warning happens or happened; null when the clock stopped before it. */
  warningAt: number | null;
  /** When the breach happens or happened (= deadlineAt); null when the clock stopped in time. */
  breachAt: number | null;
  /** Whether the warning / breach has happened by the evaluation instant. */
  warned: boolean;
  breached: boolean;
}

export interface SlaEvaluation {
  evaluatedAt: number;
  priority: Priority;
  firstResponse: SlaTimer;
  resolution: SlaTimer;
}

type Span = readonly [from: number, to: number];

/** Pausing spans cut to [createdAt, stopAt], sorted and merged. */
function pausedSpans(input: SlaClockInput, stopAt: number): Span[] {
  const pausing = new Set(input.pausedStatuses ?? DEFAULT_PAUSED_STATUSES);
  const spans = input.statusIntervals
    .filter((interval) => pausing.has(interval.status))
    .map((interval): Span => [Math.max(interval.from, input.createdAt), Math.min(interval.to ?? stopAt, stopAt)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function isPausedAt(input: SlaClockInput, instant: number): boolean {
  const pausing = new Set(input.pausedStatuses ?? DEFAULT_PAUSED_STATUSES);
  return input.statusIntervals.some(
    (interval) =>
      pausing.has(interval.status) && interval.from <= instant && (interval.to === null || interval.to > instant),
  );
}

/** The stretches in which the clock runs: from creation on, minus the pauses; the last is endless. */
function runningSpans(createdAt: number, pauses: readonly Span[]): Span[] {
  const running: Span[] = [];
  let cursor = createdAt;
  for (const [from, to] of pauses) {
    if (from > cursor) running.push([cursor, from]);
    cursor = to;
  }
  running.push([cursor, Infinity]);
  return running;
}

/** The instant at which the clock has counted `budgetMs` of business time. */
function instantWhenUsed(policy: SlaPolicy, running: readonly Span[], budgetMs: number): number {
  let remaining = budgetMs;
  for (const [from, to] of running) {
    const available = to === Infinity ? Infinity : businessMsBetween(policy.calendar, from, to);
    if (remaining <= available) return addBusinessMs(policy.calendar, from, remaining);
    remaining -= available;
  }
  throw new Error('unreachable: the last running span is endless');
}

function usedUntil(policy: SlaPolicy, running: readonly Span[], stopAt: number): number {
  let used = 0;
  for (const [from, to] of running) {
    if (from >= stopAt) break;
    used += businessMsBetween(policy.calendar, from, Math.min(to, stopAt));
  }
  return used;
}

function evaluateTimer(
  input: SlaClockInput,
  kind: SlaTimerKind,
  targetMinutes: number,
  clockStop: number | null,
): SlaTimer {
  const { policy, now } = input;
  const stopped = clockStop !== null && clockStop <= now;
  const stopAt = Math.max(input.createdAt, stopped ? clockStop : now);
  const pauses = pausedSpans(input, stopAt);
  const running = runningSpans(input.createdAt, pauses);
  const paused = !stopped && isPausedAt(input, now);

  // Whole minutes, so that a warning at 75 % of 4 h lands at 3 h 00 min, not a float away.
  const warnMinutes = Math.round(policy.warnAtShare * targetMinutes);
  const deadlineAt = instantWhenUsed(policy, running, targetMinutes * MINUTE_MS);
  const warnInstant = instantWhenUsed(policy, running, warnMinutes * MINUTE_MS);
  // A response exactly at the deadline is on time; a running clock is breached at the deadline.
  const breached = stopped ? deadlineAt < stopAt : deadlineAt <= now;
  const warned = stopped ? warnInstant < stopAt : warnInstant <= now;

  const usedMs = usedUntil(policy, running, stopAt);
  const usedMinutes = Math.floor(usedMs / MINUTE_MS);
  let state: SlaState = 'running';
  if (breached) state = 'breached';
  else if (stopped) state = 'met';
  else if (paused) state = 'paused';
  else if (warned) state = 'warning';

  return {
    kind,
    state,
    targetMinutes,
    usedMs,
    usedMinutes,
    leftMinutes: targetMinutes - usedMinutes,
    deadlineAt,
    warningAt: warned || !stopped ? warnInstant : null,
    breachAt: breached || !stopped ? deadlineAt : null,
    warned,
    breached,
  };
}

/**
 * Both clocks of a ticket at `input.now`. A ticket resolved without a recorded first response
 * counts the resolution as its first response.
 */
export function evaluateSla(input: SlaClockInput): SlaEvaluation {
  const target = input.policy.targets[`${input.priority}`];
  if (!target) throw new RangeError(`priority must be 1..5, got ${String(input.priority)}`);
  return {
    evaluatedAt: input.now,
    priority: input.priority,
    firstResponse: evaluateTimer(
      input,
      'first_response',
      target.firstResponseMinutes,
      input.firstResponseAt ?? input.resolvedAt,
    ),
    resolution: evaluateTimer(input, 'resolution', target.resolutionMinutes, input.resolvedAt),
  };
}
