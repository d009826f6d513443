// The events an SLA evaluation adds to a ticket: a warning and a breach per clock, each once.
//
// Events carry the instant the warning or breach happened, not when it was noticed, so a ticket
// evaluated late (after a restart, or by a slow scheduler) still records them to the minute.
import type { SlaEventType, SlaTimerKind, TicketSlaView } from '../../../protocol/api/sla.js';
import type { SlaEvaluation, SlaTimer } from './sla-clock.js';
import { iso } from '../../time.js';

export interface SlaEvent {
  type: SlaEventType;
  kind: SlaTimerKind;
  at: number;
}

function timersOf(evaluation: SlaEvaluation): SlaTimer[] {
  return [evaluation.firstResponse, evaluation.resolution];
}

/** Every warning and breach that has happened by the evaluation instant, oldest first. */
export function slaEventsHappened(evaluation: SlaEvaluation): SlaEvent[] {
  const events: SlaEvent[] = [];
  for (const timer of timersOf(evaluation)) {
    if (timer.warned && timer.warningAt !== null)
      events.push({ type: 'sla.warning', kind: timer.kind, at: timer.warningAt });
    if (timer.breached && timer.breachAt !== null)
      events.push({ type: 'sla.breach', kind: timer.kind, at: timer.breachAt });
  }
  // A warning and its breach can fall on the same instant (a tiny target); the warning goes first.
  return events.sort(
    (a, b) => a.at - b.at || (a.type === 'sla.warning' ? -1 : 1) - (b.type === 'sla.warning' ? -1 : 1),
  );
}

const eventKey = (event: { type: SlaEventType; kind: SlaTimerKind }) => `${event.type}:${event.kind}`;

/**
 * Events to record on going from `previous` to `next` (null: nothing evaluated before).
 * Only what happened in `next` and had not in `previous`.
 */
export function slaEventsBetween(previous: SlaEvaluation | null, next: SlaEvaluation): SlaEvent[] {
  return unrecordedSlaEvents(next, previous ? slaEventsHappened(previous) : []);
}

/**
 * Events to record given those already on the ticket: the stateless variant, for a service that
 * keeps its events but not its last evaluation. Each (type, kind) pair is recorded once per ticket.
 */
export function unrecordedSlaEvents(
  next: SlaEvaluation,
  recorded: Iterable<{ type: SlaEventType; kind: SlaTimerKind }>,
): SlaEvent[] {
  const seen = new Set([...recorded].map(eventKey));
  return slaEventsHappened(next).filter((event) => !seen.has(eventKey(event)));
}

/**
 * The next instant at which an evaluation would change state by itself (a warning or breach
 * coming due), for the service to schedule its next check; null when no clock is running.
 * Paused and stopped clocks only change when the ticket does, and the service re-evaluates then.
 */
export function nextSlaCheckAt(evaluation: SlaEvaluation): number | null {
  const due: number[] = [];
  for (const timer of timersOf(evaluation)) {
    if (timer.state !== 'running' && timer.state !== 'warning') continue;
    if (!timer.warned && timer.warningAt !== null) due.push(timer.warningAt);
    if (!timer.breached && timer.breachAt !== null) due.push(timer.breachAt);
  }
  return due.length ? Math.min(...due) : null;
}

function timerView(timer: SlaTimer) {
  return {
    kind: timer.kind,
    state: timer.state,
    targetMinutes: timer.targetMinutes,
    usedMinutes: timer.usedMinutes,
    leftMinutes: timer.leftMinutes,
    deadlineAt: iso(timer.deadlineAt),
    warningAt: iso(timer.warningAt),
    breachAt: iso(timer.breachAt),
  };
}

/** The evaluation as the API shows it (protocol/api/sla.ts TicketSlaView). */
export function toTicketSlaView(evaluation: SlaEvaluation): TicketSlaView {
  return {
    priority: evaluation.priority,
    firstResponse: timerView(evaluation.firstResponse),
    resolution: timerView(evaluation.resolution),
  };
}
