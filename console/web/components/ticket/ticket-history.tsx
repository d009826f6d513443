// Everything that happened to the ticket, field by field: who changed what, from what, to what,
// and when. Closed by default: the conversation is what people read first.
import type { TicketDetailView } from '../../../../protocol/api/tickets.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';

export function TicketHistory(props: { history: TicketDetailView['history'] }) {
  return (
    <details class="ticket-history">
      <summary>{t('ticket.history', { count: props.history.length })}</summary>
      <table class="table wrap-table">
        <thead>
          <tr>
            <th scope="col">{t('ticket.historyWhen')}</th>
            <th scope="col">{t('ticket.historyWho')}</th>
            <th scope="col">{t('ticket.historyField')}</th>
            <th scope="col">{t('ticket.historyFrom')}</th>
            <th scope="col">{t('ticket.historyTo')}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((row, index) => (
            <tr key={index}>
              <td>{formatDateTime(row.at)}</td>
              <td>{row.actor}</td>
              <td>{row.field}</td>
              <td>{row.oldValue ?? '—'}</td>
              <td>{row.newValue ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
