// The reports page's period and grouping: read from and written to the address (so a report can
// be bookmarked or sent), the presets, and the API query. Pure, so unit tests run it without a DOM.
import {
  REPORT_GROUP_BYS,
  checkReportRange,
  type KpiQuery,
  type ReportGroupBy,
} from '../../../protocol/api/reports.js';

export interface ReportPeriod {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
}

export const REPORT_PRESETS = ['thisWeek', 'last7', 'last30', 'thisMonth'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as UTC midnight, so that day arithmetic has no DST in it. */
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The reader's calendar day (their own clock and zone: the browser does not know the SLA calendar). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The days a preset covers, ending today; weeks start on Monday (ISO 8601). */
export function presetRange(preset: ReportPreset, today: string): { from: string; to: string } {
  const end = dayMs(today);
  if (preset === 'last7') return { from: dateText(end - 6 * DAY_MS), to: today };
  if (preset === 'last30') return { from: dateText(end - 29 * DAY_MS), to: today };
  if (preset === 'thisMonth') return { from: `${today.slice(0, 8)}01`, to: today };
  const weekday = (new Date(end).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return { from: dateText(end - weekday * DAY_MS), to: today };
}

/** The preset a period is, if it is one (so its button can show as chosen). */
export function presetOf(period: { from: string; to: string }, today: string): ReportPreset | null {
  return (
    REPORT_PRESETS.find((preset) => {
      const range = presetRange(preset, today);
      return range.from === period.from && range.to === period.to;
    }) ?? null
  );
}

export const DEFAULT_PRESET: ReportPreset = 'last7';

/** The period an address asks for; a missing or broken range falls back to the default preset. */
export function readReportPeriod(search: string, today: string): ReportPeriod {
  const params = new URLSearchParams(search);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const by = params.get('by');
  const groupBy = REPORT_GROUP_BYS.find((value) => value === by) ?? 'line';
  if (checkReportRange(from, to).ok) return { from, to, groupBy };
  return { ...presetRange(DEFAULT_PRESET, today), groupBy };
}

/** The address part for a period: always the dates, the grouping when it is not the default. */
export function reportSearch(period: ReportPeriod): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (period.groupBy !== 'line') params.set('by', period.groupBy);
  return `?${params.toString()}`;
}

export function reportQuery(period: ReportPeriod): KpiQuery {
  return { from: period.from, to: period.to, groupBy: period.groupBy };
}

/** Whole minutes split for display as "9 h 05 min"; business hours are never rolled into days. */
export function minutesParts(minutes: number): { hours: number; minutes: number } {
  const whole = Math.round(minutes);
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/** A share (0..1) as a percentage to one decimal: 0.6667 → 66.7. */
export const percentOf = (share: number) => Math.round(share * 1000) / 10;
