// How the report's numbers read on the page: durations, shares and group names in the reader's
// language, every number through formatNumber.
import type { ReportGroupBy } from '../../../../protocol/api/reports.js';
import { formatNumber, t } from '../../i18n/index.js';
import { minutesParts, percentOf } from '../../state/report-period.js';

/** "45 min", "9 h 05 min"; "—" when nothing was measured. */
export function durationText(minutes: number | null): string {
  if (minutes === null) return t('reports.noValue');
  const parts = minutesParts(minutes);
  if (parts.hours === 0) return t('reports.minutes', { minutes: parts.minutes });
  return t('reports.hours', { hours: parts.hours, minutes: String(parts.minutes).padStart(2, '0') });
}

/** "66.7%"; "—" when there was nothing to divide by. */
export function percentText(share: number | null): string {
  return share === null ? t('reports.noValue') : t('reports.percent', { value: percentOf(share) });
}

export const numberText = (value: number | null) => (value === null ? t('reports.noValue') : formatNumber(value));

export function groupByLabel(groupBy: ReportGroupBy): string {
  return t(`reports.by.${groupBy}`);
}

/** A group's key for people: "line 2", a name, or what having none means for this grouping. */
export function groupKeyLabel(groupBy: ReportGroupBy, key: string | null): string {
  if (key !== null) return groupBy === 'line' ? t('reports.line', { line: key }) : key;
  if (groupBy === 'assignee' || groupBy === 'group' || groupBy === 'channel') return t(`reports.none.${groupBy}`);
  return t('reports.none.other');
}
