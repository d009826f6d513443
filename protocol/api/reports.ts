// Help-desk reports: the KPI report over a date range (JSON and CSV) and the checks on its range.
//
// Definitions, so that every reader of a figure means the same thing:
// - The range is whole days, `from` and `to` inclusive, in the SLA calendar's time zone.
// - opened / resolved / closed: tickets created / last resolved / closed within the range.
// - backlog: tickets whose status at the end of the range was neither resolved nor closed.
// - firstResponse: tickets whose first response (or, lacking one, the resolution, as the SLA
//   clock counts it) happened in the range; resolution: tickets resolved in the range.
//   Times run from creation, in business minutes of the SLA calendar (pending time included)
//   and in wall-clock minutes, to 0.1 minute. `met` counts tickets whose SLA clock was met;
//   withinSlaShare = met / count, to 4 decimals.
// - median and p90 are nearest-rank: the value at rank ceil(p/100 · n) of the n sorted values
//   (so the median of an even count is the lower middle value); null when n = 0.
// - satisfaction: ratings given within the range, averaged to 2 decimals.
// - solvedAtFirstLine: of the tickets resolved in the range, those that never left support line 1:
//   their line is 1 and their history holds no change of line (a change of line means the ticket
//   was escalated, or started elsewhere and was moved, so line 1 did not solve it alone);
//   share = count / resolved, to 4 decimals.
// - daily: every day of the range in its order, with the tickets opened, resolved and the fault
//   tickets opened that day (so the days add up to the totals' opened and resolved).
// - faultTrend: the TOP_FAULT_TRENDS categories of topFaultCategories, with their faults per day.
// - Groups use each ticket's current line, category, assignee and device group.
import { Type, type Static } from 'typebox';
import type { Checked } from './sla.js';

export const ReportGroupBy = Type.Union([
  Type.Literal('line'),
  Type.Literal('category'),
  Type.Literal('assignee'),
  Type.Literal('group'),
  Type.Literal('channel'),
]);
export type ReportGroupBy = Static<typeof ReportGroupBy>;
export const REPORT_GROUP_BYS: readonly ReportGroupBy[] = ['line', 'category', 'assignee', 'group', 'channel'];

const DateText = Type.String({
  minLength: 1,
  maxLength: 40,
  description: "YYYY-MM-DD, a day in the SLA calendar's time zone",
});
export const KpiQuery = Type.Object(
  { from: DateText, to: DateText, groupBy: Type.Optional(ReportGroupBy) },
  { additionalProperties: false },
);
export type KpiQuery = Static<typeof KpiQuery>;

const NumberOrNull = Type.Union([Type.Number(), Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Spread = Type.Object({ median: NumberOrNull, p90: NumberOrNull });
export const TimerFigures = Type.Object({
  count: Count,
  met: Count,
  withinSlaShare: NumberOrNull,
  businessMinutes: Spread,
  wallClockMinutes: Spread,
});
export type TimerFigures = Static<typeof TimerFigures>;

const FIGURES = {
  opened: Count,
  resolved: Count,
  closed: Count,
  backlog: Count,
  firstResponse: TimerFigures,
  resolution: TimerFigures,
  satisfaction: Type.Object({ average: NumberOrNull, ratings: Count }),
  solvedAtFirstLine: Type.Object({ count: Count, share: NumberOrNull }),
};
export const KpiFigures = Type.Object(FIGURES);
export type KpiFigures = Static<typeof KpiFigures>;
/** `key`: the line ("1"), category, assignee's name, device group or channel; null: none of them. */
export const KpiGroup = Type.Object({ key: Type.Union([Type.String(), Type.Null()]), ...FIGURES });
export type KpiGroup = Static<typeof KpiGroup>;

export const KpiReport = Type.Object({
  range: Type.Object({
    from: Type.String(),
    to: Type.String(),
    timeZone: Type.String(),
    startAt: Type.String({ format: 'date-time' }),
    /** Exclusive: the first instant after the range. */
    endAt: Type.String({ format: 'date-time' }),
  }),
  groupBy: ReportGroupBy,
  totals: KpiFigures,
  groups: Type.Array(KpiGroup),
  /** Fault tickets (source "fault") opened in the range, most first; at most 10. */
  topFaultDevices: Type.Array(
    Type.Object({ deviceId: Type.String(), deviceName: Type.String(), group: Type.String(), faults: Count }),
  ),
  topFaultCategories: Type.Array(Type.Object({ category: Type.String(), faults: Count })),
  daily: Type.Array(
    Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), opened: Count, resolved: Count, faults: Count }),
  ),
  /** `perDay[i]` is the category's faults on `daily[i].date`; most faults first, as topFaultCategories. */
  faultTrend: Type.Array(Type.Object({ category: Type.String(), faults: Count, perDay: Type.Array(Count) })),
});
export type KpiReport = Static<typeof KpiReport>;

/** How many fault categories the daily fault trend follows. */
export const TOP_FAULT_TRENDS = 5;

/** The longest range a report covers: three years, so one request cannot scan the whole history. */
export const MAX_REPORT_YEARS = 3;

function parseDate(name: string, text: string): { ok: true; value: Date } | { ok: false; error: string } {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, error: `${name} must be a date written YYYY-MM-DD, like 2025-03-31, not ${shown}` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: `${name} ${shown} is not a real date` };
  }
  return { ok: true, value: date };
}

/** Checks a report range as typed: real dates, from ≤ to, at most MAX_REPORT_YEARS. Never throws. */
export function checkReportRange(from: string, to: string): Checked<{ from: string; to: string }> {
  const start = parseDate('from', from);
  const end = parseDate('to', to);
  const errors = [start, end].flatMap((parsed) => (parsed.ok ? [] : [parsed.error]));
  if (!start.ok || !end.ok) return { ok: false, errors };
  if (start.value > end.value)
    return {
      ok: false,
      errors: [`from ${from} is after to ${to}; the range runs from the earlier day to the later one`],
    };
  const limit = new Date(start.value);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_REPORT_YEARS);
  if (end.value >= limit)
    return {
      ok: false,
      errors: [`the range ${from} to ${to} is longer than ${MAX_REPORT_YEARS} years; ask for a shorter one`],
    };
  return { ok: true, value: { from, to } };
}

/** How a group's key reads for people (tables, CSV). */
export function groupLabel(groupBy: ReportGroupBy, key: string | null): string {
  if (key !== null) return groupBy === 'line' ? `line ${key}` : key;
  if (groupBy === 'assignee') return '(unassigned)';
  if (groupBy === 'group') return '(no device)';
  return groupBy === 'channel' ? '(not recorded)' : '(none)';
}

// Cells a spreadsheet would run as a formula (OWASP "CSV injection"); a leading ' makes them text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: text that could start a formula gets a leading ', and quotes where needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: CRLF after every record, the header included. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const TIMER_COLUMNS = [
  'count',
  'met',
  'within_sla',
  'business_median_min',
  'business_p90_min',
  'wall_median_min',
  'wall_p90_min',
];
const timerCells = (timer: TimerFigures) => [
  timer.count,
  timer.met,
  timer.withinSlaShare,
  timer.businessMinutes.median,
  timer.businessMinutes.p90,
  timer.wallClockMinutes.median,
  timer.wallClockMinutes.p90,
];
const figureCells = (figures: KpiFigures) => [
  figures.opened,
  figures.resolved,
  figures.closed,
  figures.backlog,
  ...timerCells(figures.firstResponse),
  ...timerCells(figures.resolution),
  figures.satisfaction.average,
  figures.satisfaction.ratings,
  figures.solvedAtFirstLine.count,
  figures.solvedAtFirstLine.share,
];

/** The report as CSV: one row per group, then the totals (row "total", empty group). */
export function kpiReportCsv(report: KpiReport): string {
  const header = [
    'row',
    report.groupBy === 'group' ? 'device_group' : report.groupBy,
    'opened',
    'resolved',
    'closed',
    'backlog',
    ...TIMER_COLUMNS.map((column) => `first_response_${column}`),
    ...TIMER_COLUMNS.map((column) => `resolution_${column}`),
    'satisfaction_average',
    'satisfaction_ratings',
    // Last, so that the columns before keep their places in spreadsheets made from older exports.
    'first_line_solved',
    'first_line_share',
  ];
  const groups = report.groups.map((group) => [
    'group',
    group.key ?? groupLabel(report.groupBy, null),
    ...figureCells(group),
  ]);
  return csvText([header, ...groups, ['total', null, ...figureCells(report.totals)]]);
}
