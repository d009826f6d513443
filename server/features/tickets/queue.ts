// The ticket queue: one page of a view, its total, and the count of every view for the same
// filters. "At risk" (an SLA clock in warning or breached) and the `due` order come from each
// ticket's SLA clocks in business time, so those read every ticket the view holds; the other
// views and orders are one SQL page.
import type { SlaTimerView } from '../../../protocol/api/sla.js';
import type { TicketQueueQuery, TicketQueueResponse, TicketQueueViewName } from '../../../protocol/api/ticket-queue.js';
import type { TicketView } from '../../../protocol/api/tickets.js';
import type { AuthUser } from '../auth/service.js';
import type { QueueViewer, TicketQueueStore } from './queue-store.js';
import type { TicketRow } from './store.js';

const DEFAULT_LIMIT = 100;
/** A technician without a support line works the first line. */
const DEFAULT_LINE = 1;

const atRisk = (ticket: TicketView) =>
  [ticket.sla.firstResponse, ticket.sla.resolution].some(
    (timer) => timer.state === 'warning' || timer.state === 'breached',
  );

/** When the ticket's nearest running clock runs out; clocks met or paused sort last. */
function dueAt(ticket: TicketView): number {
  const running = (timer: SlaTimerView) => timer.state !== 'met' && timer.state !== 'paused';
  const deadlines = [ticket.sla.firstResponse, ticket.sla.resolution]
    .filter(running)
    .map((timer) => Date.parse(timer.deadlineAt));
  return deadlines.length ? Math.min(...deadlines) : Number.POSITIVE_INFINITY;
}

export type TicketQueue = ReturnType<typeof createTicketQueue>;

export function createTicketQueue(deps: { store: TicketQueueStore; view: (row: TicketRow) => TicketView }) {
  return function queue(actor: AuthUser, query: TicketQueueQuery): TicketQueueResponse {
    const { view: chosen, sort, order, limit, offset, ...filters } = query;
    const view: TicketQueueViewName = chosen ?? 'all';
    const viewer: QueueViewer = { id: actor.id, line: actor.line ?? DEFAULT_LINE };
    const size = limit ?? DEFAULT_LIMIT;
    const from = offset ?? 0;
    const descending = order === 'desc';
    const counted = deps.store.counts(filters, viewer);
    const risky = deps.store.all(filters, 'at_risk', viewer).map(deps.view).filter(atRisk);
    const counts = { ...counted, at_risk: risky.length };

    if (view !== 'at_risk' && sort !== 'due') {
      const rows = deps.store.page(filters, view, viewer, { sort: sort ?? 'priority', descending }, size, from);
      return { tickets: rows.map(deps.view), total: counts[view], counts };
    }
    // At risk, or ordered by deadline: every ticket of the view with its clocks, sorted here.
    const tickets = view === 'at_risk' ? risky : deps.store.all(filters, view, viewer).map(deps.view);
    const byDue = (a: TicketView, b: TicketView) => dueAt(a) - dueAt(b) || a.priority - b.priority || a.id - b.id;
    tickets.sort(sort === undefined || sort === 'due' ? byDue : sqlLikeOrder(sort));
    if (descending) tickets.reverse();
    return { tickets: tickets.slice(from, from + size), total: tickets.length, counts };
  };
}

/** The at-risk view sorted by a column: the same orders as SQL's, on the views. */
function sqlLikeOrder(sort: Exclude<TicketQueueQuery['sort'], 'due' | undefined>) {
  const text = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' });
  const compare: Record<typeof sort, (a: TicketView, b: TicketView) => number> = {
    priority: (a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt),
    id: (a, b) => a.id - b.id,
    subject: (a, b) => text(a.subject, b.subject),
    status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.priority - b.priority,
    requester: (a, b) => text(a.requester.name, b.requester.name),
    assignee: (a, b) => text(a.assignee, b.assignee),
    created: (a, b) => a.createdAt.localeCompare(b.createdAt),
    updated: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
  };
  return (a: TicketView, b: TicketView) => compare[sort](a, b) || a.id - b.id;
}

const STATUS_RANK: Record<TicketView['status'], number> = {
  new: 0,
  assigned: 1,
  in_progress: 2,
  pending: 3,
  resolved: 4,
  closed: 5,
};
