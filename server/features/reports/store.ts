// The rows a report is computed from: every ticket that can count in a range, with its device,
// assignee, rating and whether it was open when the range ended; and the status intervals the
// SLA clocks need. Read-only; the figures themselves are computed in kpi.ts.
import type { Db } from '../../db/database.js';
import type { StatusInterval } from '../sla/sla-clock.js';

export interface ReportTicketRow {
  id: number;
  category: string;
  source: 'employee' | 'fault' | 'technician' | 'api';
  channel: string | null;
  priority: number;
  line: number;
  /** 1 when the ticket's history records a change of support line (an escalation or a move). */
  lineChanged: 0 | 1;
  assignee: string | null;
  deviceId: string | null;
  deviceName: string | null;
  deviceGroup: string | null;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** 1 when the ticket's status at the end of the range was neither resolved nor closed. */
  openAtEnd: 0 | 1;
  rating: number | null;
  ratedAt: number | null;
}

export interface ReportStore {
  /**
   * Tickets created before `endMs` that might count in [startMs, endMs): created, responded to,
   * resolved, closed or rated from `startMs` on, or not resolved (open now, so maybe at the end).
   * A superset: kpi.ts decides what each one counts for.
   */
  ticketsFor(startMs: number, endMs: number): ReportTicketRow[];
  /** Status intervals of the given tickets, oldest first. */
  statusIntervals(ticketIds: readonly number[]): Map<number, StatusInterval[]>;
}

export function createReportStore(db: Db): ReportStore {
  // The ratings table comes with its own migration; without it, satisfaction is reported as null.
  const ratingsTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket_ratings'")
    .pluck();
  const intervals = db.prepare(
    `SELECT ticket_id AS ticketId, status, from_at AS "from", to_at AS "to" FROM ticket_status_intervals
     WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY ticket_id, from_at, rowid`,
  );

  const ticketsSql = (withRatings: boolean) => `
    SELECT t.id, t.category, t.source, t.channel, t.priority, t.line,
      EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.field = 'line') AS lineChanged, u.name AS assignee, t.device_id AS deviceId,
      d.name AS deviceName, d.group_name AS deviceGroup, t.created_at AS createdAt,
      t.first_response_at AS firstResponseAt, t.resolved_at AS resolvedAt, t.closed_at AS closedAt,
      EXISTS (SELECT 1 FROM ticket_status_intervals i WHERE i.ticket_id = t.id AND i.from_at < @end
        AND (i.to_at IS NULL OR i.to_at >= @end) AND i.status NOT IN ('resolved', 'closed')) AS openAtEnd,
      ${withRatings ? 'r.rating AS rating, r.at AS ratedAt' : 'NULL AS rating, NULL AS ratedAt'}
    FROM tickets t
      LEFT JOIN users u ON u.id = t.assignee_id
      LEFT JOIN devices d ON d.id = t.device_id
      ${withRatings ? 'LEFT JOIN ticket_ratings r ON r.ticket_id = t.id' : ''}
    WHERE t.created_at < @end AND (t.created_at >= @start OR t.first_response_at >= @start OR t.resolved_at >= @start
      OR t.closed_at >= @start OR t.resolved_at IS NULL ${withRatings ? 'OR r.at >= @start' : ''})
    ORDER BY t.id`;
  // Prepared on first use: preparing a join on a table that does not exist yet would fail.
  const prepared = new Map<boolean, ReturnType<Db['prepare']>>();
  const ticketsQuery = (hasRatings: boolean) => {
    let statement = prepared.get(hasRatings);
    if (!statement) prepared.set(hasRatings, (statement = db.prepare(ticketsSql(hasRatings))));
    return statement;
  };

  return {
    ticketsFor(startMs, endMs) {
      const hasRatings = ratingsTable.get() !== undefined;
      return ticketsQuery(hasRatings).all({ start: startMs, end: endMs }) as ReportTicketRow[];
    },
    statusIntervals(ticketIds) {
      const byTicket = new Map<number, StatusInterval[]>();
      const rows = intervals.all(JSON.stringify(ticketIds)) as Array<StatusInterval & { ticketId: number }>;
      for (const { ticketId, ...interval } of rows) {
        const list = byTicket.get(ticketId) ?? [];
        list.push(interval);
        byTicket.set(ticketId, list);
      }
      return byTicket;
    },
  };
}
