// Which status changes a ticket allows. One table, so the rules are read in one place:
// new → assigned → in_progress ⇄ pending → resolved → closed, and reopen from resolved.
import type { TicketStatus } from '../../../protocol/api/tickets.js';
import { ApiError } from '../../errors.js';

export type TicketAction = 'assign' | 'start' | 'pending' | 'resolve' | 'close' | 'reopen' | 'escalate';

const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  assign: ['new', 'assigned', 'in_progress', 'pending'],
  start: ['new', 'assigned', 'pending'],
  pending: ['assigned', 'in_progress'],
  resolve: ['new', 'assigned', 'in_progress', 'pending'],
  close: ['resolved'],
  reopen: ['resolved'],
  escalate: ['new', 'assigned', 'in_progress', 'pending'],
};

const WHY_NOT: Partial<Record<TicketAction, string>> = {
  close: 'only a resolved ticket can be closed; resolve it first, with a resolution',
  reopen: 'only a resolved ticket can be reopened',
  pending: 'only a ticket someone works on (assigned or in progress) can wait as pending',
};

export function assertAllowed(action: TicketAction, status: TicketStatus): void {
  if (ALLOWED_FROM[action].includes(status)) return;
  throw new ApiError(
    'invalid_state',
    `cannot ${action} a ticket that is ${status.replace('_', ' ')}${WHY_NOT[action] ? `: ${WHY_NOT[action]}` : ''}`,
  );
}
