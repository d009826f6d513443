// Which tickets of the view this page shows, and the way to the next and previous pages.
import { formatNumber, t } from '../../i18n/index.js';
import { QUEUE_PAGE_SIZE } from '../../state/ticket-queue.js';

export function QueuePager(props: {
  offset: number;
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  const { offset, shown, total } = props;
  return (
    <nav class="queue-pager" aria-label={t('tickets.pages')}>
      <span class="queue-range">
        {t('tickets.range', {
          from: formatNumber(offset + 1),
          to: formatNumber(offset + shown),
          total: formatNumber(total),
        })}
      </span>
      <button
        type="button"
        class="button"
        disabled={offset === 0}
        onClick={() => props.onOffset(Math.max(0, offset - QUEUE_PAGE_SIZE))}
      >
        {t('tickets.previous')}
      </button>
      <button
        type="button"
        class="button"
        disabled={offset + shown >= total}
        onClick={() => props.onOffset(offset + QUEUE_PAGE_SIZE)}
      >
        {t('tickets.next')}
      </button>
    </nav>
  );
}
