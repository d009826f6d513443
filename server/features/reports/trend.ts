// The report's days: tickets opened, resolved and faults per day of the range, and the faults per
// day of the most frequent fault categories. Days are cut in the SLA calendar's zone, as the
// range is, so a day here is the same day the range's `from` and `to` name.
import { TOP_FAULT_TRENDS, type KpiReport } from '../../../protocol/api/reports.js';
import { DAY_MS, instantToLocal } from '../sla/zoned-time.js';
import type { KpiInput } from './kpi.js';

/** Midnight starting a "YYYY-MM-DD" day, as a local value (see zoned-time.ts). */
export const localMidnight = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

type Trend = Pick<KpiReport, 'daily' | 'faultTrend'>;

export function dailyTrend(input: KpiInput, topCategories: KpiReport['topFaultCategories']): Trend {
  const { timeZone, from, to } = input.range;
  const first = localMidnight(from);
  const days = Math.round((localMidnight(to) - first) / DAY_MS) + 1;
  const daily: KpiReport['daily'] = Array.from({ length: days }, (_, index) => ({
    date: new Date(first + index * DAY_MS).toISOString().slice(0, 10),
    opened: 0,
    resolved: 0,
    faults: 0,
  }));
  const followed = topCategories.slice(0, TOP_FAULT_TRENDS);
  const perDay = new Map(followed.map((item) => [item.category, new Array<number>(days).fill(0)]));
  /** The day an instant falls on, or null outside the range. */
  const dayOf = (instant: number | null): number | null => {
    if (instant === null || instant < input.startMs || instant >= input.endMs) return null;
    return Math.floor((instantToLocal(timeZone, instant) - first) / DAY_MS);
  };
  for (const row of input.rows) {
    const opened = dayOf(row.createdAt);
    const resolved = dayOf(row.resolvedAt);
    if (opened !== null) {
      daily[opened]!.opened++;
      if (row.source === 'fault') {
        daily[opened]!.faults++;
        const counts = perDay.get(row.category);
        if (counts) counts[opened]!++;
      }
    }
    if (resolved !== null) daily[resolved]!.resolved++;
  }
  const faultTrend = followed.map((item) => ({ ...item, perDay: perDay.get(item.category)! }));
  return { daily, faultTrend };
}
