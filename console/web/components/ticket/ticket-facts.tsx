// Who asked, about which PC, how it came in and how it is classified; for employee and fault
// tickets the PC as it was when the ticket opened (its summary, health and recent changes); and
// the requester's rating once given.
import type { TicketDetailView } from '../../../../protocol/api/tickets.js';
import { formatNumber, t } from '../../i18n/index.js';
import { formatDateTime, formatRelative } from '../../i18n/time.js';
import { Fact, Facts } from '../device/facts.js';
import { Link } from '../link.js';
import { lineLabel, priorityLabel, sourceLabel } from '../tickets/ticket-badges.js';

const percent = (value: number) => `${formatNumber(Math.round(value))} %`;

export function TicketFacts(props: { detail: TicketDetailView }) {
  const { ticket } = props.detail;
  return (
    <Facts>
      <Fact label={t('ticket.requester')}>{ticket.requester.name}</Fact>
      <Fact label={t('ticket.device')}>
        {ticket.deviceId && (
          <Link href={`/devices/${encodeURIComponent(ticket.deviceId)}`}>{ticket.deviceName ?? ticket.deviceId}</Link>
        )}
      </Fact>
      <Fact label={t('ticket.channel')}>{ticket.channel ? sourceLabel(ticket.channel) : t('ticketChannel.none')}</Fact>
      <Fact label={t('ticket.source')}>{sourceLabel(ticket.source)}</Fact>
      <Fact label={t('ticket.category')}>{ticket.category}</Fact>
      <Fact label={t('ticket.priority')}>
        {t('ticket.priorityFrom', {
          priority: priorityLabel(ticket.priority),
          impact: ticket.impact,
          urgency: ticket.urgency,
        })}
      </Fact>
      <Fact label={t('ticket.line')}>{lineLabel(ticket.line)}</Fact>
      <Fact label={t('ticket.assignee')}>{ticket.assignee ?? t('tickets.unassigned')}</Fact>
      <Fact label={t('ticket.created')}>
        <span title={formatDateTime(ticket.createdAt)}>{formatRelative(ticket.createdAt)}</span>
      </Fact>
      {ticket.resolution && <Fact label={t('ticket.resolution')}>{ticket.resolution}</Fact>}
    </Facts>
  );
}

export function SnapshotPanel(props: { detail: TicketDetailView }) {
  const { snapshot, activeFaults } = props.detail;
  if (!snapshot) return <p class="muted">{t('ticket.noSnapshot')}</p>;
  const health = snapshot.health;
  return (
    <div class="snapshot">
      <p class="muted">{t('ticket.snapshotTaken', { when: formatDateTime(snapshot.takenAt) })}</p>
      <Facts>
        {Object.entries(snapshot.summary).map(([key, value]) => (
          <Fact key={key} label={key}>
            {value}
          </Fact>
        ))}
        {health && <Fact label={t('ticket.cpu')}>{percent(health.cpuPct)}</Fact>}
        {health && <Fact label={t('ticket.memory')}>{percent(health.memUsedPct)}</Fact>}
        {health?.filesystems.map((fs) => (
          <Fact key={fs.mount} label={t('ticket.disk', { mount: fs.mount })}>
            {percent(fs.usedPct)}
          </Fact>
        ))}
      </Facts>
      {activeFaults.length > 0 && (
        <p class="snapshot-faults">{t('ticket.activeFaults', { faults: activeFaults.join(', ') })}</p>
      )}
      {snapshot.recentChanges.length > 0 && (
        <details>
          <summary>{t('ticket.recentChanges', { count: snapshot.recentChanges.length })}</summary>
          <ul class="plain-list">
            {snapshot.recentChanges.map((change, index) => (
              <li key={index}>
                {formatRelative(change.at)} · {change.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function RatingPanel(props: { detail: TicketDetailView }) {
  const { rating } = props.detail;
  if (!rating) return <p class="muted">{t('ticket.notRated')}</p>;
  return (
    <div class="rating" data-rating={rating.rating}>
      <span class="rating-stars" aria-label={t('ticket.ratedOf', { rating: rating.rating })}>
        {'★'.repeat(rating.rating)}
        <span class="rating-empty">{'★'.repeat(5 - rating.rating)}</span>
      </span>
      <span class="muted"> {formatRelative(rating.at)}</span>
      {rating.comment && <p class="rating-comment">{rating.comment}</p>}
    </div>
  );
}
