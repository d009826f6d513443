// /devices: every enrolled PC, searchable and sortable, with counts.
import { useMemo, useState } from 'preact/hooks';
import { API, call } from '../api.js';
import { DeviceTable } from '../components/device-table.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { locale, t } from '../i18n/index.js';
import { filterDevices, indexDevices, sortDevices, type Sort, type SortKey } from '../state/fleet.js';
import { useFleetLive } from '../state/fleet-live.js';
import { useLoad } from '../state/load.js';

export function DevicesPage() {
  usePageTitle(t('devices.title'));
  const { state, reload, update } = useLoad(() => call(API.devices.list), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const language = locale.value;

  const devices = state.kind === 'ready' ? state.data : null;
  // Online badges and last-seen times follow the live stream; new devices appear by themselves.
  useFleetLive(devices, update, reload);
  // One fleet download at a time: the button waits while a reload runs (clicks would stack them).
  const refreshing = state.kind === 'ready' && state.reloading;
  const busy = state.kind === 'loading' || refreshing;
  const index = useMemo(() => (devices ? indexDevices(devices) : []), [devices, language]);
  const collator = useMemo(() => new Intl.Collator(language, { numeric: true, sensitivity: 'base' }), [language]);
  // Sorted once per list and order; a keystroke only filters, which keeps the order.
  const sorted = useMemo(() => sortDevices(index.slice(), sort, collator), [index, sort, collator]);
  const rows = useMemo(() => filterDevices(sorted, query), [sorted, query]);

  const onSort = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <section class="page page-fill" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('devices.title')}</h1>
        <div class="toolbar">
          <label class="visually-hidden" for="device-search">
            {t('devices.search')}
          </label>
          <input
            id="device-search"
            class="search"
            type="search"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('devices.searchPlaceholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <p class="count" role="status" aria-live="polite">
            {devices &&
              (query.trim()
                ? t('devices.countFiltered', { shown: rows.length, count: devices.length })
                : t('devices.count', { count: devices.length }))}
          </p>
          <button type="button" class="button button-quiet" onClick={reload} disabled={busy} aria-busy={busy}>
            {/* Both labels take the same place, so the toolbar does not shift when one replaces the other. */}
            <span class="button-labels">
              <span class={refreshing ? 'is-hidden' : undefined}>{t('common.refresh')}</span>
              <span class={refreshing ? undefined : 'is-hidden'}>
                <span class="spinner spinner-small" aria-hidden="true" />
                {t('common.refreshing')}
              </span>
            </span>
          </button>
        </div>
      </header>
      {state.kind === 'loading' && <Loading label={t('devices.loading')} />}
      {state.kind === 'failed' && <Failed title={t('devices.loadFailed')} error={state.error} onRetry={reload} />}
      {devices && devices.length === 0 && (
        <Empty title={t('devices.emptyTitle')}>
          <p class="state-body">{t('devices.emptyBody')}</p>
        </Empty>
      )}
      {devices && devices.length > 0 && rows.length === 0 && (
        <Empty title={t('devices.noMatchTitle', { query: query.trim() })}>
          <p class="state-body">{t('devices.noMatchBody')}</p>
          <button type="button" class="button" onClick={() => setQuery('')}>
            {t('devices.clearSearch')}
          </button>
        </Empty>
      )}
      {rows.length > 0 && <DeviceTable rows={rows} sort={sort} onSort={onSort} />}
    </section>
  );
}
