// One page of the queue: sortable columns (the server sorts, so the order holds across pages),
// each ticket's running SLA clock counting down, and the subject as the link to the ticket.
import type { TicketSort } from '../../../../protocol/api/ticket-queue.js';
import type { TicketView } from '../../../../protocol/api/tickets.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { formatDateTime, formatRelative } from '../../i18n/time.js';
import type { QueueState } from '../../state/ticket-queue.js';
import { Link } from '../link.js';
import { SortHeader } from '../sort-header.js';
import { SlaTimer } from './sla-timer.js';
import { PriorityBadge, TicketStatusBadge, lineLabel, sourceLabel } from './ticket-badges.js';

const COLUMNS: Array<{ sort: TicketSort; label: MessageKey; class: string }> = [
  { sort: 'id', label: 'tickets.col.id', class: 'col-ticket-id' },
  { sort: 'subject', label: 'tickets.col.subject', class: 'col-ticket-subject' },
  { sort: 'requester', label: 'tickets.col.requester', class: 'col-ticket-requester' },
  { sort: 'status', label: 'tickets.col.status', class: 'col-ticket-status' },
  { sort: 'priority', label: 'tickets.col.priority', class: 'col-ticket-priority' },
  { sort: 'assignee', label: 'tickets.col.assignee', class: 'col-ticket-assignee' },
  { sort: 'due', label: 'tickets.col.due', class: 'col-ticket-due' },
  { sort: 'updated', label: 'tickets.col.updated', class: 'col-ticket-updated' },
];

/** The clock a ticket is racing now: the first response until it is given, then the resolution. */
function runningClock(ticket: TicketView) {
  return ticket.sla.firstResponse.state === 'met'
    ? { timer: ticket.sla.resolution, label: t('sla.resolution') }
    : { timer: ticket.sla.firstResponse, label: t('sla.firstResponse') };
}

export function QueueTable(props: { tickets: TicketView[]; state: QueueState; onSort: (sort: TicketSort) => void }) {
  const direction = (sort: TicketSort) =>
    props.state.sort === sort ? (props.state.descending ? 'descending' : 'ascending') : null;
  return (
    <div class="table-scroll">
      <table class="table queue-table" aria-label={t('tickets.pageTitle')}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.sort} class={column.class} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader
                key={column.sort}
                label={t(column.label)}
                title={t('tickets.sortBy', { column: t(column.label) })}
                direction={direction(column.sort)}
                numeric={column.sort === 'id'}
                onSort={() => props.onSort(column.sort)}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.tickets.map((ticket) => (
            <QueueRow key={ticket.id} ticket={ticket} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QueueRow(props: { ticket: TicketView }) {
  const { ticket } = props;
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const clock = runningClock(ticket);
  return (
    <tr data-ticket={ticket.id}>
      <td class="cell-numeric">{ticket.id}</td>
      <td>
        <Link href={`/tickets/${ticket.id}`} class="cell-link" title={ticket.subject}>
          {ticket.subject}
        </Link>
        <div class="cell-secondary">
          {[ticket.deviceName, ticket.category, sourceLabel(ticket.channel ?? ticket.source), lineLabel(ticket.line)]
            .filter(Boolean)
            .join(' · ')}
        </div>
      </td>
      <td title={ticket.requester.name}>{ticket.requester.name}</td>
      <td>
        <TicketStatusBadge status={ticket.status} />
      </td>
      <td>
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td class={ticket.assignee ? '' : 'cell-muted'}>{ticket.assignee ?? t('tickets.unassigned')}</td>
      <td>
        {open ? <SlaTimer timer={clock.timer} label={clock.label} /> : <SlaTimer timer={ticket.sla.resolution} />}
      </td>
      <td title={formatDateTime(ticket.updatedAt)}>{formatRelative(ticket.updatedAt)}</td>
    </tr>
  );
}
