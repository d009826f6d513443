// The queue's search box and filters. Picks apply at once; typed text is applied by the page a
// moment after the last key, so every keystroke does not ask the server.
import { TICKET_CHANNELS, TICKET_SOURCES, TICKET_STATUSES } from '../../../../protocol/api/tickets.js';
import { t } from '../../i18n/index.js';
import { activeFilterCount, type QueueFilters } from '../../state/ticket-queue.js';
import { lineLabel, priorityLabel, sourceLabel, ticketStatusLabel } from './ticket-badges.js';

type Option = { value: string; label: string };
const LINES: Option[] = [1, 2, 3].map((line) => ({ value: String(line), label: lineLabel(line) }));

export function QueueFilterBar(props: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
  onClear: () => void;
}) {
  const { filters } = props;
  const set = (key: keyof QueueFilters) => (value: string) => props.onChange({ ...filters, [key]: value });
  const active = activeFilterCount(filters);
  return (
    <div class="queue-filters">
      <input
        type="search"
        class="search queue-search"
        aria-label={t('tickets.search')}
        placeholder={t('tickets.searchPlaceholder')}
        value={filters.q}
        maxLength={200}
        onInput={(event) => set('q')(event.currentTarget.value)}
      />
      <Pick
        label={t('tickets.filterStatus')}
        value={filters.status}
        onPick={set('status')}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: ticketStatusLabel(status) }))}
      />
      <Pick label={t('tickets.filterLine')} value={filters.line} onPick={set('line')} options={LINES} />
      <Pick
        label={t('tickets.filterPriority')}
        value={filters.priority}
        onPick={set('priority')}
        options={[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: priorityLabel(level) }))}
      />
      <Pick
        label={t('tickets.filterSource')}
        value={filters.source}
        onPick={set('source')}
        options={TICKET_SOURCES.map((source) => ({ value: source, label: sourceLabel(source) }))}
      />
      <Pick
        label={t('tickets.filterChannel')}
        value={filters.channel}
        onPick={set('channel')}
        options={TICKET_CHANNELS.map((channel) => ({ value: channel, label: sourceLabel(channel) }))}
      />
      <Typed label={t('tickets.filterCategory')} value={filters.category} max={64} onText={set('category')} />
      <Typed label={t('tickets.filterGroup')} value={filters.group} max={64} onText={set('group')} />
      <Typed label={t('tickets.filterRequester')} value={filters.requester} max={200} onText={set('requester')} />
      {active > 0 && (
        <button type="button" class="button button-quiet" onClick={props.onClear}>
          {t('tickets.clearFilters')} ({t('tickets.filtersActive', { count: active })})
        </button>
      )}
    </div>
  );
}

function Pick(props: { label: string; value: string; options: Option[]; onPick: (value: string) => void }) {
  return (
    <label class="queue-filter">
      <span class="queue-filter-label">{props.label}</span>
      <select value={props.value} onChange={(event) => props.onPick(event.currentTarget.value)}>
        <option value="">{t('tickets.any')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Typed(props: { label: string; value: string; max: number; onText: (value: string) => void }) {
  return (
    <label class="queue-filter">
      <span class="queue-filter-label">{props.label}</span>
      <input
        type="text"
        class="search queue-filter-text"
        value={props.value}
        maxLength={props.max}
        onInput={(event) => props.onText(event.currentTarget.value)}
      />
    </label>
  );
}
