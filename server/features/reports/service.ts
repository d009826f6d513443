// Reports for the help desk: checks the range, turns its days into instants in the SLA calendar's
// zone, reads the rows and computes the figures. The SLA policy is asked for on every report, so
// a policy an admin changes at run time applies to the next report.
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../protocol/api/sla.js';
import { checkReportRange, type KpiQuery, type KpiReport } from '../../../protocol/api/reports.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import { DAY_MS, localToInstant } from '../sla/zoned-time.js';
import { buildKpiReport, needsSlaClocks } from './kpi.js';
import { createReportStore } from './store.js';
import { localMidnight } from './trend.js';

export interface ReportServiceDeps {
  db: Db;
  /** The SLA policy in force (calendar and targets); DEFAULT_SLA_POLICY when not given. */
  slaPolicy?: () => SlaPolicy;
  now?: () => number;
}

export function createReportService(deps: ReportServiceDeps) {
  const store = createReportStore(deps.db);
  const policyInForce = deps.slaPolicy ?? (() => DEFAULT_SLA_POLICY);
  const now = deps.now ?? Date.now;

  return {
    /** The KPI report for whole days `from`..`to` (inclusive); validation errors say what to fix. */
    kpi(query: KpiQuery): KpiReport {
      const checked = checkReportRange(query.from, query.to);
      if (!checked.ok) throw new ApiError('validation_failed', checked.errors.join('; '));
      const policy = policyInForce();
      const { timeZone } = policy.calendar;
      const startMs = localToInstant(timeZone, localMidnight(query.from));
      const endMs = localToInstant(timeZone, localMidnight(query.to) + DAY_MS);
      const rows = store.ticketsFor(startMs, endMs);
      const clocked = rows.filter((row) => needsSlaClocks(row, startMs, endMs));
      const intervals = store.statusIntervals(clocked.map((row) => row.id));
      return buildKpiReport({
        range: {
          from: query.from,
          to: query.to,
          timeZone,
          startAt: new Date(startMs).toISOString(),
          endAt: new Date(endMs).toISOString(),
        },
        startMs,
        endMs,
        groupBy: query.groupBy ?? 'line',
        rows,
        intervals,
        policy,
        now: now(),
      });
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;
