// /devices: every enrolled PC, searchable and sortable, with counts, the user's columns, and bulk
// actions on the rows selected (for staff).
import { useMemo, useState } from 'preact/hooks';
import { API, call } from '../api.js';
import { BulkBar } from '../components/fleet/bulk-bar.js';
import { BulkDialog } from '../components/fleet/bulk-dialog.js';
import { ColumnDialog } from '../components/fleet/column-dialog.js';
import { FleetTable } from '../components/fleet/fleet-table.js';
import { FleetToolbar } from '../components/fleet/fleet-toolbar.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { locale, t } from '../i18n/index.js';
import { filterRows, indexRows, sortRows, type Sort, type SortKey } from '../state/fleet.js';
import { bulkKindsFor, type BulkKind } from '../state/fleet-bulk.js';
import { useFleetColumns } from '../state/fleet-columns.js';
import { useFleetLive } from '../state/fleet-live.js';
import { useLoad } from '../state/load.js';
import { clickRow, EMPTY_SELECTION, keepKnown, toggleAll, type Selection } from '../state/selection.js';
import { session } from '../state/session.js';
import { useSoftwareMatch } from '../state/software-search.js';

export function DevicesPage() {
  usePageTitle(t('devices.title'));
  const { state, reload, update } = useLoad(() => call(API.fleet.list, { query: {} }), []);
  const [query, setQuery] = useState('');
  const [software, setSoftware] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [dialog, setDialog] = useState<BulkKind | 'columns' | null>(null);
  const { columns, save: saveColumns } = useFleetColumns();
  const softwareMatch = useSoftwareMatch(software);
  const language = locale.value;
  const user = session.value.kind === 'signedIn' ? session.value.user : null;
  const kinds = user ? bulkKindsFor(user.role) : [];

  const fleet = state.kind === 'ready' ? state.data : null;
  // Online badges and last-seen times follow the live stream; new devices appear by themselves.
  useFleetLive(fleet, update, reload);
  const index = useMemo(() => (fleet ? indexRows(fleet) : []), [fleet, language]);
  const collator = useMemo(() => new Intl.Collator(language, { numeric: true, sensitivity: 'base' }), [language]);
  // Sorted once per list and order; a keystroke only filters, which keeps the order.
  const sorted = useMemo(() => sortRows(index.slice(), sort, collator), [index, sort, collator]);
  const only = softwareMatch.kind === 'ready' ? softwareMatch.deviceIds : null;
  const rows = useMemo(() => filterRows(sorted, query, only), [sorted, query, only]);
  const shownIds = useMemo(() => rows.map((entry) => entry.row.device.id), [rows]);
  const known = useMemo(() => new Set(fleet?.map((row) => row.device.id)), [fleet]);
  const selected = keepKnown(selection, known);
  // Only while a bulk dialog is open: a keystroke in the search box does not walk the fleet for it.
  const selectedRows =
    dialog && dialog !== 'columns' ? (fleet ?? []).filter((row) => selected.ids.has(row.device.id)) : [];
  const filtering = Boolean(query.trim() || software.trim());

  const onSort = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const clearSearch = () => {
    setQuery('');
    setSoftware('');
  };

  return (
    <section class="page page-fill" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('devices.title')}</h1>
        <FleetToolbar
          query={query}
          onQuery={setQuery}
          software={software}
          onSoftware={setSoftware}
          softwareMatch={softwareMatch}
          count={fleet ? (filtering ? { shown: rows.length, of: fleet.length } : { of: fleet.length }) : null}
          refreshing={state.kind === 'ready' && state.reloading}
          busy={state.kind === 'loading' || (state.kind === 'ready' && state.reloading)}
          onRefresh={reload}
          onColumns={() => setDialog('columns')}
        />
      </header>
      {kinds.length > 0 && selected.ids.size > 0 && (
        <BulkBar
          count={selected.ids.size}
          kinds={kinds}
          onAction={setDialog}
          onClear={() => setSelection(EMPTY_SELECTION)}
        />
      )}
      {state.kind === 'loading' && <Loading label={t('devices.loading')} />}
      {state.kind === 'failed' && <Failed title={t('devices.loadFailed')} error={state.error} onRetry={reload} />}
      {fleet && fleet.length === 0 && (
        <Empty title={t('devices.emptyTitle')}>
          <p class="state-body">{t('devices.emptyBody')}</p>
        </Empty>
      )}
      {fleet && fleet.length > 0 && rows.length === 0 && softwareMatch.kind !== 'searching' && (
        <Empty
          title={t('devices.noMatchTitle', { query: [query.trim(), software.trim()].filter(Boolean).join(' · ') })}
        >
          <p class="state-body">{t('devices.noMatchBody')}</p>
          <button type="button" class="button" onClick={clearSearch}>
            {t('devices.clearSearch')}
          </button>
        </Empty>
      )}
      {rows.length > 0 && (
        <FleetTable
          rows={rows}
          columns={columns}
          sort={sort}
          onSort={onSort}
          {...(kinds.length
            ? {
                selection: {
                  selected: selected.ids,
                  onClick: (id, shift) => setSelection(clickRow(selected, id, shownIds, shift)),
                  onToggleAll: () => setSelection(toggleAll(selected, shownIds)),
                },
              }
            : {})}
        />
      )}
      {dialog === 'columns' && <ColumnDialog columns={columns} onSave={saveColumns} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'columns' && (
        <BulkDialog
          kind={dialog}
          rows={selectedRows}
          onClose={(changed) => {
            setDialog(null);
            if (changed) reload();
          }}
        />
      )}
    </section>
  );
}
