// The queue's views as a row of tabs, each with its count for the filters in use; "at risk" is
// coloured while it holds anything, so a breach is seen from any view.
import {
  TICKET_VIEWS,
  type TicketQueueViewName,
  type TicketViewCounts,
} from '../../../../protocol/api/ticket-queue.js';
import { formatNumber, t } from '../../i18n/index.js';

export function QueueViews(props: {
  view: TicketQueueViewName;
  counts: TicketViewCounts | null;
  onView: (view: TicketQueueViewName) => void;
}) {
  return (
    <div class="queue-views" role="group" aria-label={t('tickets.views')}>
      {TICKET_VIEWS.map((view) => {
        const count = props.counts?.[view];
        const alarm = view === 'at_risk' && (count ?? 0) > 0;
        return (
          <button
            key={view}
            type="button"
            class={`queue-view${props.view === view ? ' queue-view-current' : ''}${alarm ? ' queue-view-alarm' : ''}`}
            aria-pressed={props.view === view}
            onClick={() => props.onView(view)}
          >
            <span>{t(`tickets.view.${view}`)}</span>
            {count !== undefined && <span class="queue-view-count">{formatNumber(count)}</span>}
          </button>
        );
      })}
    </div>
  );
}
