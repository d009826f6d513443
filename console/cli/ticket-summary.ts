// `ticket show` and the one-line answers of the ticket actions, for people: labels for priority,
// line and status, the header fields, and one timeline merging entries and field history by time.
import type { TicketDetailView, TicketView } from '../../protocol/api/tickets.js';
import { clean, cleanLines, localTime, relativeTime } from './output.js';

type Field = [string, unknown];
type Entry = TicketDetailView['entries'][number];
type Change = TicketDetailView['history'][number];

export const priorityLabel = (priority: number): string => `P${priority}`;
export const lineLabel = (line: number): string => `L${line}`;

/** "in progress" for in_progress; the API's words otherwise. */
export const statusText = (status: string): string => status.replace(/_/g, ' ');

/** "assigned to tom" or "unassigned". */
export function assigneeText(ticket: TicketView): string {
  return ticket.assignee === null ? 'unassigned' : `assigned to ${clean(ticket.assignee)}`;
}

/** "Ticket #12 is now in progress (assigned to tom)." */
export function stateSentence(ticket: TicketView, again = ''): string {
  return `Ticket #${ticket.id} is now ${statusText(ticket.status)}${again} (${assigneeText(ticket)}).`;
}

/** "2025-01-31 15:05:09 (3m ago)" in the technician's time zone. */
const when = (iso: string): string => `${localTime(iso)} (${relativeTime(iso)})`;

export function ticketFields(ticket: TicketView): Field[] {
  const device =
    ticket.deviceId === null
      ? null
      : ticket.deviceName === null
        ? ticket.deviceId
        : `${ticket.deviceName} (${ticket.deviceId})`;
  const fields: Field[] = [
    ['ticket', `#${ticket.id}`],
    ['subject', ticket.subject],
    ['status', statusText(ticket.status)],
    ['priority', `${priorityLabel(ticket.priority)} (impact ${ticket.impact}, urgency ${ticket.urgency})`],
    ['line', lineLabel(ticket.line)],
    ['assignee', ticket.assignee ?? 'unassigned'],
    ['requester', `${ticket.requester.name} (${ticket.requester.kind})`],
    ['device', device],
    ['category', ticket.category],
    ['source', ticket.source],
    ['channel', ticket.channel ?? '-'],
    ['created', when(ticket.createdAt)],
    ['updated', when(ticket.updatedAt)],
    ['first response', ticket.firstResponseAt === null ? 'none yet' : when(ticket.firstResponseAt)],
  ];
  if (ticket.resolvedAt !== null) fields.push(['resolved', when(ticket.resolvedAt)]);
  if (ticket.closedAt !== null) fields.push(['closed', when(ticket.closedAt)]);
  if (ticket.resolution !== null) fields.push(['resolution', ticket.resolution.replace(/\r?\n/g, ' ')]);
  for (const [label, timer] of [
    ['SLA first response', ticket.sla.firstResponse],
    ['SLA resolution', ticket.sla.resolution],
  ] as const) {
    const left =
      timer.state === 'met'
        ? 'met'
        : timer.leftMinutes >= 0
          ? `${timer.leftMinutes} business min left`
          : `${-timer.leftMinutes} business min over`;
    fields.push([label, `${timer.state}, due ${when(timer.deadlineAt)} (${left})`]);
  }
  return fields;
}

const ENTRY_LABEL: Record<Entry['kind'], string> = { reply: 'reply (public)', note: 'note (internal)', event: 'event' };

/** History field names as people say them. */
const FIELD_LABEL: Record<string, string> = {
  assigneeId: 'assignee',
  firstResponseAt: 'first response',
  resolvedAt: 'resolved at',
  closedAt: 'closed at',
};

function shownValue(field: string, value: string | null): string {
  if (value === null) return '-';
  if (field === 'priority') return priorityLabel(Number(value));
  if (field === 'line') return lineLabel(Number(value));
  if (field === 'status') return statusText(value);
  // Times are ISO, except a cleared one's old value, which the server gives as epoch milliseconds.
  if (field.endsWith('At')) return localTime(/^\d+$/.test(value) ? Number(value) : value);
  return value;
}

function changeText(change: Change): string {
  if (change.field === 'created') return `created (${statusText(change.newValue ?? 'new')})`;
  const label = FIELD_LABEL[change.field] ?? change.field;
  return `${label}: ${shownValue(change.field, change.oldValue)} → ${shownValue(change.field, change.newValue)}`;
}

/**
 * One line per entry or change, oldest first: "2025-01-31 15:05:09  tom  reply (public): Hello",
 * further lines of a body indented below it. Field changes come before entries made at the
 * same moment (an escalation changes the line, then says why).
 */
export function timelineLines(detail: Pick<TicketDetailView, 'entries' | 'history'>): string[] {
  const items = [
    ...detail.history.map((change) => ({ at: change.at, who: change.actor, text: [changeText(change)] })),
    ...detail.entries.map((entry) => {
      const [first = '', ...rest] = entry.body.split(/\r?\n/);
      return { at: entry.at, who: entry.author, text: [`${ENTRY_LABEL[entry.kind]}: ${first}`, ...rest] };
    }),
  ];
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const width = Math.max(0, ...items.map((item) => clean(item.who).length));
  return items.flatMap(({ at, who, text }) => {
    const [first = '', ...rest] = text.flatMap(cleanLines);
    return [`${localTime(at)}  ${clean(who).padEnd(width)}  ${first}`, ...rest.map((line) => `    ${line}`)];
  });
}
