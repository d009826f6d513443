// The KPI report from the report rows: what each ticket counts for in the range, summed per group
// and in total. Pure: the caller passes the rows, the SLA policy and the evaluation instant.
// The definitions of every figure are in protocol/api/reports.ts.
import type { KpiFigures, KpiGroup, KpiReport, ReportGroupBy, TimerFigures } from '../../../protocol/api/reports.js';
import type { Priority, SlaPolicy } from '../../../protocol/api/sla.js';
import { MINUTE_MS, businessMsBetween } from '../sla/business-time.js';
import { evaluateSla, type StatusInterval } from '../sla/sla-clock.js';
import type { ReportTicketRow } from './store.js';
import { average, nearestRank, rounded, share } from './stats.js';
import { dailyTrend } from './trend.js';

/** How many devices and categories the "most faults" lists show. */
export const TOP_FAULTS = 10;

export interface KpiInput {
  range: KpiReport['range'];
  startMs: number;
  endMs: number;
  groupBy: ReportGroupBy;
  rows: readonly ReportTicketRow[];
  intervals: ReadonlyMap<number, readonly StatusInterval[]>;
  policy: SlaPolicy;
  now: number;
}

/** One measured SLA clock: from creation to its stop, and whether its target was met. */
interface Timed {
  businessMinutes: number;
  wallClockMinutes: number;
  met: boolean;
}

/** What one ticket counts for in the range. */
interface Contribution {
  opened: boolean;
  resolved: boolean;
  closed: boolean;
  backlog: boolean;
  firstResponse: Timed | null;
  resolution: Timed | null;
  rating: number | null;
  /** Resolved in the range without ever leaving line 1 (definition in protocol/api/reports.ts). */
  solvedAtFirstLine: boolean;
}

/** Tickets whose SLA clocks the report needs: first response or resolution within the range. */
export function needsSlaClocks(row: ReportTicketRow, startMs: number, endMs: number): boolean {
  const within = (instant: number | null) => instant !== null && instant >= startMs && instant < endMs;
  return within(row.firstResponseAt ?? row.resolvedAt) || within(row.resolvedAt);
}

function contribution(input: KpiInput, row: ReportTicketRow): Contribution {
  const within = (instant: number | null): instant is number =>
    instant !== null && instant >= input.startMs && instant < input.endMs;
  // As the SLA clock counts it: a ticket resolved without a reply was answered by its resolution.
  const respondedAt = row.firstResponseAt ?? row.resolvedAt;
  const responded = within(respondedAt);
  const resolved = within(row.resolvedAt);
  const sla =
    responded || resolved
      ? evaluateSla({
          policy: input.policy,
          priority: row.priority as Priority,
          createdAt: row.createdAt,
          statusIntervals: input.intervals.get(row.id) ?? [],
          firstResponseAt: row.firstResponseAt,
          resolvedAt: row.resolvedAt,
          // Never before the stops, so both clocks read as stopped (met or breached).
          now: Math.max(input.now, respondedAt ?? 0, row.resolvedAt ?? 0),
        })
      : null;
  const timed = (stopAt: number, state: string): Timed => ({
    businessMinutes: businessMsBetween(input.policy.calendar, row.createdAt, stopAt) / MINUTE_MS,
    wallClockMinutes: (stopAt - row.createdAt) / MINUTE_MS,
    met: state === 'met',
  });
  return {
    opened: within(row.createdAt),
    resolved,
    closed: within(row.closedAt),
    backlog: row.openAtEnd === 1,
    firstResponse: responded && sla ? timed(respondedAt, sla.firstResponse.state) : null,
    resolution: resolved && sla ? timed(row.resolvedAt!, sla.resolution.state) : null,
    rating: row.rating !== null && within(row.ratedAt) ? row.rating : null,
    // The current line alone would count a ticket escalated and sent back down; the history would
    // miss one created at line 2. Both together: line 1 now and never another line.
    solvedAtFirstLine: resolved && row.line === 1 && row.lineChanged === 0,
  };
}

const counts = (c: Contribution) =>
  c.opened ||
  c.resolved ||
  c.closed ||
  c.backlog ||
  c.firstResponse !== null ||
  c.resolution !== null ||
  c.rating !== null;

function timerFigures(measures: readonly Timed[]): TimerFigures {
  const spread = (pick: (timed: Timed) => number) => {
    const values = measures.map(pick);
    return { median: rounded(nearestRank(values, 50), 1), p90: rounded(nearestRank(values, 90), 1) };
  };
  const met = measures.filter((timed) => timed.met).length;
  return {
    count: measures.length,
    met,
    withinSlaShare: share(met, measures.length),
    businessMinutes: spread((timed) => timed.businessMinutes),
    wallClockMinutes: spread((timed) => timed.wallClockMinutes),
  };
}

function figures(contributions: readonly Contribution[]): KpiFigures {
  const tally = (pick: (c: Contribution) => boolean) => contributions.filter(pick).length;
  const ratings = contributions.flatMap((c) => (c.rating === null ? [] : [c.rating]));
  const firstLine = tally((c) => c.solvedAtFirstLine);
  const resolved = tally((c) => c.resolved);
  return {
    opened: tally((c) => c.opened),
    resolved,
    closed: tally((c) => c.closed),
    backlog: tally((c) => c.backlog),
    firstResponse: timerFigures(contributions.flatMap((c) => (c.firstResponse ? [c.firstResponse] : []))),
    resolution: timerFigures(contributions.flatMap((c) => (c.resolution ? [c.resolution] : []))),
    satisfaction: { average: average(ratings), ratings: ratings.length },
    solvedAtFirstLine: { count: firstLine, share: share(firstLine, resolved) },
  };
}

function groupKey(groupBy: ReportGroupBy, row: ReportTicketRow): string | null {
  if (groupBy === 'line') return String(row.line);
  if (groupBy === 'category') return row.category;
  if (groupBy === 'assignee') return row.assignee;
  if (groupBy === 'channel') return row.channel;
  return row.deviceGroup;
}

/** By code point, not locale, so every server orders a report the same way. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most first; ties by name, so the order is stable. */
function top<T extends { faults: number }>(items: Iterable<T>, name: (item: T) => string): T[] {
  return [...items].sort((a, b) => b.faults - a.faults || byText(name(a), name(b))).slice(0, TOP_FAULTS);
}

export function buildKpiReport(input: KpiInput): KpiReport {
  const all: Contribution[] = [];
  const byGroup = new Map<string | null, Contribution[]>();
  const devices = new Map<string, KpiReport['topFaultDevices'][number]>();
  const categories = new Map<string, { category: string; faults: number }>();
  for (const row of input.rows) {
    const counted = contribution(input, row);
    if (!counts(counted)) continue;
    all.push(counted);
    const key = groupKey(input.groupBy, row);
    const group = byGroup.get(key);
    if (group) group.push(counted);
    else byGroup.set(key, [counted]);
    if (row.source !== 'fault' || !counted.opened) continue;
    const category = categories.get(row.category) ?? { category: row.category, faults: 0 };
    categories.set(row.category, { ...category, faults: category.faults + 1 });
    if (row.deviceId === null) continue;
    const device = devices.get(row.deviceId) ?? {
      deviceId: row.deviceId,
      deviceName: row.deviceName ?? row.deviceId,
      group: row.deviceGroup ?? '',
      faults: 0,
    };
    devices.set(row.deviceId, { ...device, faults: device.faults + 1 });
  }
  // Lines in their numeric order, names alphabetically; the "none" group last.
  const keys = [...byGroup.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : input.groupBy === 'line' ? Number(a) - Number(b) : byText(a, b),
  );
  const groups: KpiGroup[] = keys.map((key) => ({ key, ...figures(byGroup.get(key)!) }));
  const topFaultCategories = top(categories.values(), (category) => category.category);
  return {
    range: input.range,
    groupBy: input.groupBy,
    totals: figures(all),
    groups,
    topFaultDevices: top(devices.values(), (device) => device.deviceName),
    topFaultCategories,
    ...dailyTrend(input, topFaultCategories),
  };
}
