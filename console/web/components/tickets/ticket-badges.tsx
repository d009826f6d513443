// A ticket's status, priority and line as short labels; the colour is never the only cue.
import type { TicketStatus } from '../../../../protocol/api/tickets.js';
import { t, type MessageKey } from '../../i18n/index.js';

export const ticketStatusLabel = (status: TicketStatus) => t(`ticketStatus.${status}`);

export function TicketStatusBadge(props: { status: TicketStatus }) {
  return <span class={`badge ticket-status-${props.status}`}>{ticketStatusLabel(props.status)}</span>;
}

export const priorityLabel = (priority: number) =>
  t(`ticketPriority.${Math.min(5, Math.max(1, Math.round(priority))) as 1 | 2 | 3 | 4 | 5}`);

export function PriorityBadge(props: { priority: number }) {
  return <span class={`badge priority-${props.priority}`}>{priorityLabel(props.priority)}</span>;
}

export const lineLabel = (line: number) => t('ticketLine.label', { line });

/** Where a ticket came from; an unknown code (a newer server) is shown as it is. */
export function sourceLabel(source: string): string {
  const key = `ticketSource.${source}`;
  return isMessageKey(key) ? t(key) : source;
}

function isMessageKey(key: string): key is MessageKey {
  return SOURCE_KEYS.has(key);
}
const SOURCE_KEYS = new Set<string>(
  ['employee', 'fault', 'technician', 'api', 'phone', 'email', 'chat', 'portal', 'in_person'].map(
    (source) => `ticketSource.${source}`,
  ),
);
