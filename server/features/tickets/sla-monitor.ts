// Watches open tickets' SLA clocks: records each warning and breach once, as an event on the
// ticket dated when it happened, applies the escalation rules, and closes tickets that stayed
// resolved long enough. Runs on a timer; tests call checkNow() with a fake clock.
import type { FastifyBaseLogger } from 'fastify';
import type { EscalationRule } from '../../../protocol/api/help-desk-settings.js';
import type { AuthUser } from '../auth/service.js';
import type { SettingsService } from '../settings/service.js';
import { unrecordedSlaEvents, type SlaEvent } from '../sla/sla-events.js';
import type { TicketService } from './service.js';
import type { TicketStore } from './store.js';
import { periodicCheck } from '../../periodic-check.js';

/** The actor for what the help desk does by itself. */
export const SYSTEM_ACTOR: AuthUser = { id: 0, name: 'system', role: 'admin', line: null, tokenId: '' };

const TIMER_NAME = { first_response: 'first response', resolution: 'resolution' } as const;
const DAY = 86_400_000;

export interface SlaMonitorHooks {
  onSlaEvent?(ticketId: number, event: SlaEvent): void;
  onEscalated?(ticketId: number, rule: EscalationRule): void;
}

export function createSlaMonitor(deps: {
  tickets: TicketService;
  store: TicketStore;
  settings: SettingsService;
  log: FastifyBaseLogger;
  intervalMs: number;
  now?: () => number;
  hooks?: SlaMonitorHooks;
}) {
  const now = deps.now ?? Date.now;

  const applyRules = (ticketId: number, event: SlaEvent) => {
    for (const rule of deps.settings.helpDesk().escalationRules) {
      if (rule.on !== event.type || (rule.timer && rule.timer !== event.kind)) continue;
      const ticket = deps.tickets.show(ticketId).ticket;
      const note = `automatic, on ${event.type === 'sla.breach' ? 'SLA breach' : 'SLA warning'} of ${TIMER_NAME[event.kind]}`;
      try {
        if (rule.nextLine && ticket.line < 3)
          deps.tickets.escalate(SYSTEM_ACTOR, ticketId, {
            note,
            raisePriority: rule.raisePriority,
            assignee: rule.assignTo,
          });
        else if (rule.assignTo) deps.tickets.assign(SYSTEM_ACTOR, ticketId, rule.assignTo);
        deps.hooks?.onEscalated?.(ticketId, rule);
      } catch (error) {
        deps.log.warn({ ticketId, err: error }, 'escalation rule could not be applied');
      }
    }
  };

  const checkTicket = (ticketId: number) => {
    const events = unrecordedSlaEvents(deps.tickets.evaluate(ticketId), deps.store.recordedSlaEvents(ticketId));
    for (const event of events.sort((a, b) => a.at - b.at)) {
      if (!deps.store.recordSlaEvent(ticketId, event.type, event.kind, event.at)) continue;
      const what = event.type === 'sla.breach' ? 'SLA breached' : 'SLA warning';
      deps.store.addEntry(ticketId, event.at, 'system', 'event', `${what}: ${TIMER_NAME[event.kind]}`);
      deps.tickets.announce(event.type, ticketId, `${what}: ${TIMER_NAME[event.kind]}`);
      deps.hooks?.onSlaEvent?.(ticketId, event);
      applyRules(ticketId, event);
    }
  };

  const checkNow = () => {
    for (const ticketId of deps.store.openTicketIds()) {
      try {
        checkTicket(ticketId);
      } catch (error) {
        deps.log.error({ ticketId, err: error }, 'SLA check failed');
      }
    }
    const days = deps.settings.helpDesk().autoCloseResolvedAfterDays;
    for (const ticketId of deps.store.resolvedBefore(now() - days * DAY)) {
      deps.tickets.close(SYSTEM_ACTOR, ticketId);
      deps.store.addEntry(
        ticketId,
        now(),
        'system',
        'event',
        `Closed automatically ${days} days after it was resolved`,
      );
    }
  };

  return {
    checkNow,
    ...periodicCheck(checkNow, { intervalMs: deps.intervalMs, log: deps.log, what: 'SLA check' }),
  };
}
export type SlaMonitor = ReturnType<typeof createSlaMonitor>;
