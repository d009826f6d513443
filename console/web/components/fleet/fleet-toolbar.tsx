// The fleet page's toolbar: the search box (in the browser, over the loaded rows), the installed
// software box (asked of the server once typing pauses, and says so), the count, Columns, Refresh.
import { t } from '../../i18n/index.js';
import type { SoftwareMatch } from '../../state/software-search.js';
import { describeError } from '../states.js';

export function FleetToolbar(props: {
  query: string;
  onQuery: (query: string) => void;
  software: string;
  onSoftware: (software: string) => void;
  softwareMatch: SoftwareMatch;
  /** null while loading; `shown` while a search narrows the list. */
  count: { shown?: number; of: number } | null;
  refreshing: boolean;
  busy: boolean;
  onRefresh: () => void;
  onColumns: () => void;
}) {
  const { count, softwareMatch } = props;
  return (
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
        value={props.query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
      />
      <label class="visually-hidden" for="software-search">
        {t('fleet.softwareSearch')}
      </label>
      <input
        id="software-search"
        class="search search-narrow"
        type="search"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('fleet.softwarePlaceholder')}
        title={t('fleet.softwareHint')}
        value={props.software}
        onInput={(event) => props.onSoftware(event.currentTarget.value)}
      />
      <p class="count" role="status" aria-live="polite">
        {softwareMatch.kind === 'searching' && t('fleet.softwareSearching')}
        {softwareMatch.kind === 'failed' && t('fleet.softwareFailed', { reason: describeError(softwareMatch.error) })}
        {softwareMatch.kind !== 'searching' &&
          softwareMatch.kind !== 'failed' &&
          count &&
          (count.shown !== undefined
            ? t('devices.countFiltered', { shown: count.shown, count: count.of })
            : t('devices.count', { count: count.of }))}
      </p>
      <button type="button" class="button button-quiet" onClick={props.onColumns}>
        {t('fleet.columns')}
      </button>
      <button
        type="button"
        class="button button-quiet"
        onClick={props.onRefresh}
        disabled={props.busy}
        aria-busy={props.busy}
      >
        {/* Both labels take the same place, so the toolbar does not shift when one replaces the other. */}
        <span class="button-labels">
          <span class={props.refreshing ? 'is-hidden' : undefined}>{t('common.refresh')}</span>
          <span class={props.refreshing ? undefined : 'is-hidden'}>
            <span class="spinner spinner-small" aria-hidden="true" />
            {t('common.refreshing')}
          </span>
        </span>
      </button>
    </div>
  );
}
