// /tickets: the queue a support line works from — its views with their counts, filters, the
// server's sorting and paging — kept in the address, and refreshed by the live stream whenever a
// ticket is opened or changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketQueueViewName } from '../../../protocol/api/ticket-queue.js';
import { STAFF } from '../../../protocol/api/access.js';
import { API, call } from '../api.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { NewTicketDialog } from '../components/tickets/new-ticket-dialog.js';
import { QueueFilterBar } from '../components/tickets/queue-filters.js';
import { QueuePager } from '../components/tickets/queue-pager.js';
import { QueueTable } from '../components/tickets/queue-table.js';
import { QueueViews } from '../components/tickets/queue-views.js';
import { t } from '../i18n/index.js';
import { useLiveEvent, useResync } from '../state/live.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';
import {
  NO_FILTERS,
  activeFilterCount,
  queueQuery,
  queueSearch,
  readQueueState,
  sortBy,
  type QueueFilters,
  type QueueState,
} from '../state/ticket-queue.js';

/** Typed filters wait this long after the last key; a burst of live changes is one reload. */
const TYPING_PAUSE_MS = 300;
const LIVE_BATCH_MS = 300;

export function TicketsPage() {
  usePageTitle(t('tickets.pageTitle'));
  const user = session.value.kind === 'signedIn' ? session.value.user : null;
  const staff = user !== null && STAFF.includes(user.role);
  const [creating, setCreating] = useState(false);
  const [state, setState] = useState<QueueState>(() => readQueueState(location.search));
  const [draft, setDraft] = useState<QueueFilters>(state.filters);
  const query = queueQuery(state);
  const key = JSON.stringify(query);
  const { state: loaded, reload } = useLoad(() => call(API.tickets.queue, { query }), [key]);

  useEffect(() => history.replaceState(history.state, '', `/tickets${queueSearch(state)}`), [state]);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onFilters = (filters: QueueFilters) => {
    setDraft(filters);
    clearTimeout(typing.current);
    const picked = (['status', 'line', 'priority', 'source', 'channel'] as const).some(
      (field) => filters[field] !== state.filters[field],
    );
    const apply = () => setState((current) => ({ ...current, filters, offset: 0 }));
    if (picked) apply();
    else typing.current = setTimeout(apply, TYPING_PAUSE_MS);
  };
  useEffect(() => () => clearTimeout(typing.current), []);

  const live = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The timer calls the reload of the queue shown when it fires, not of the one shown when it
  // was set: a filter changed in between must not bring the old filter's answer back.
  const latestReload = useRef(reload);
  latestReload.current = reload;
  const reloadSoon = () => {
    clearTimeout(live.current);
    live.current = setTimeout(() => latestReload.current(), LIVE_BATCH_MS);
  };
  useEffect(() => () => clearTimeout(live.current), []);
  useLiveEvent('ticket.changed', reloadSoon);
  useResync(reload);

  const data = loaded.kind === 'ready' ? loaded.data : null;
  const setView = (view: TicketQueueViewName) => setState((current) => ({ ...current, view, offset: 0 }));
  const clear = () => {
    setDraft(NO_FILTERS);
    setState((current) => ({ ...current, filters: NO_FILTERS, offset: 0 }));
  };
  return (
    <section class="page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('tickets.pageTitle')}</h1>
        {staff && (
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            {t('tickets.new')}
          </button>
        )}
      </header>
      <QueueViews view={state.view} counts={data?.counts ?? null} onView={setView} />
      <QueueFilterBar filters={draft} onChange={onFilters} onClear={clear} />
      {loaded.kind === 'loading' && <Loading label={t('tickets.loading')} />}
      {loaded.kind === 'failed' && <Failed title={t('tickets.failed')} error={loaded.error} onRetry={reload} />}
      {data && data.tickets.length === 0 && (
        <Empty title={activeFilterCount(state.filters) ? t('tickets.noMatch') : t('tickets.emptyView')}>
          {!activeFilterCount(state.filters) && <p class="state-body">{t('tickets.emptyViewBody')}</p>}
        </Empty>
      )}
      {data && data.tickets.length > 0 && (
        <>
          <QueueTable
            tickets={data.tickets}
            state={state}
            onSort={(sort) => setState((current) => sortBy(current, sort))}
          />
          <QueuePager
            offset={state.offset}
            shown={data.tickets.length}
            total={data.total}
            onOffset={(offset) => setState((current) => ({ ...current, offset }))}
          />
        </>
      )}
      {creating && <NewTicketDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
