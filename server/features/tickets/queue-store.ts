// SQL of the ticket queue: the filters a support line narrows the queue with, the named views,
// their counts in one pass, and the sort orders SQL can do (the SLA deadline is worked out in
// business time, so `due` and `at_risk` are finished by the caller).
import type { TicketQueueQuery, TicketQueueViewName, TicketSort } from '../../../protocol/api/ticket-queue.js';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import { TICKET_SELECT, type TicketRow } from './store.js';

export type QueueFilters = Pick<
  TicketQueueQuery,
  'status' | 'line' | 'priority' | 'category' | 'source' | 'channel' | 'group' | 'requester' | 'q'
>;
/** Who is looking: "mine" and "my line" are theirs. */
export interface QueueViewer {
  id: number;
  line: number;
}
type Clause = { sql: string; params: unknown[] };

const FROM = 'FROM tickets t LEFT JOIN devices d ON d.id = t.device_id LEFT JOIN users u ON u.id = t.assignee_id';
const OPEN = "t.status NOT IN ('resolved', 'closed')";
const STATUS_ORDER =
  "CASE t.status WHEN 'new' THEN 0 WHEN 'assigned' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'pending' THEN 3 WHEN 'resolved' THEN 4 ELSE 5 END";

function filterClauses(filters: QueueFilters): Clause {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filters.status) add('t.status = ?', filters.status);
  if (filters.line) add('t.line = ?', filters.line);
  if (filters.priority) add('t.priority = ?', filters.priority);
  if (filters.category) add('t.category = ?', filters.category);
  if (filters.source) add('t.source = ?', filters.source);
  if (filters.channel) add('t.channel = ?', filters.channel);
  if (filters.group) add('d.group_name = ?', filters.group);
  if (filters.requester) add("t.requester_name LIKE ? ESCAPE '\\'", containsPattern(filters.requester.trim()));
  const q = filters.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    const number = /^#?(\d{1,15})$/.exec(q);
    add(
      `(t.subject LIKE ? ESCAPE '\\' OR t.description LIKE ? ESCAPE '\\' OR t.requester_name LIKE ? ESCAPE '\\'
        OR d.name LIKE ? ESCAPE '\\' OR t.id = ?)`,
      pattern,
      pattern,
      pattern,
      pattern,
      number ? Number(number[1]) : -1,
    );
  }
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

/** Which tickets a view holds, before the SLA check of `at_risk` (every open ticket). */
function viewClause(view: TicketQueueViewName, viewer: QueueViewer): Clause {
  switch (view) {
    case 'mine':
      return { sql: `${OPEN} AND t.assignee_id = ?`, params: [viewer.id] };
    case 'line':
      return { sql: `${OPEN} AND t.line = ?`, params: [viewer.line] };
    case 'unassigned':
      return { sql: `${OPEN} AND t.assignee_id IS NULL`, params: [] };
    case 'pending':
      return { sql: "t.status = 'pending'", params: [] };
    case 'at_risk':
      return { sql: OPEN, params: [] };
    case 'all':
      return { sql: '1', params: [] };
  }
}

function orderBy(sort: Exclude<TicketSort, 'due'>, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  switch (sort) {
    case 'priority':
      return `t.priority ${dir}, t.created_at ASC, t.id ASC`;
    case 'id':
      return `t.id ${dir}`;
    case 'subject':
      return `t.subject COLLATE NOCASE ${dir}, t.id`;
    case 'status':
      return `${STATUS_ORDER} ${dir}, t.priority, t.id`;
    case 'requester':
      return `t.requester_name COLLATE NOCASE ${dir}, t.id`;
    case 'assignee':
      return `u.name IS NULL, u.name COLLATE NOCASE ${dir}, t.id`;
    case 'created':
      return `t.created_at ${dir}, t.id ${dir}`;
    case 'updated':
      return `t.updated_at ${dir}, t.id ${dir}`;
  }
}

export function createTicketQueueStore(db: Db) {
  const where = (filters: QueueFilters, view: TicketQueueViewName, viewer: QueueViewer) => {
    const filter = filterClauses(filters);
    const inView = viewClause(view, viewer);
    return { sql: `(${filter.sql}) AND (${inView.sql})`, params: [...filter.params, ...inView.params] };
  };
  return {
    /** One page of a view in an order SQL can sort by. */
    page(
      filters: QueueFilters,
      view: TicketQueueViewName,
      viewer: QueueViewer,
      order: { sort: Exclude<TicketSort, 'due'>; descending: boolean },
      limit: number,
      offset: number,
    ): TicketRow[] {
      const clause = where(filters, view, viewer);
      const sql = `${TICKET_SELECT} WHERE ${clause.sql} ORDER BY ${orderBy(order.sort, order.descending)} LIMIT ? OFFSET ?`;
      return db.prepare(sql).all(...clause.params, limit, offset) as TicketRow[];
    },
    /** Every ticket of a view (for the orders and views that need each one's SLA clocks). */
    all(filters: QueueFilters, view: TicketQueueViewName, viewer: QueueViewer): TicketRow[] {
      const clause = where(filters, view, viewer);
      return db.prepare(`${TICKET_SELECT} WHERE ${clause.sql} ORDER BY t.id`).all(...clause.params) as TicketRow[];
    },
    /** The size of every view but `at_risk`, for these filters, in one pass. */
    counts(filters: QueueFilters, viewer: QueueViewer) {
      const filter = filterClauses(filters);
      const sql = `SELECT
          COALESCE(SUM(${OPEN} AND t.assignee_id = ?), 0) AS mine,
          COALESCE(SUM(${OPEN} AND t.line = ?), 0) AS line,
          COALESCE(SUM(${OPEN} AND t.assignee_id IS NULL), 0) AS unassigned,
          COALESCE(SUM(t.status = 'pending'), 0) AS pending,
          COUNT(*) AS "all"
        ${FROM} WHERE ${filter.sql}`;
      return db.prepare(sql).get(viewer.id, viewer.line, ...filter.params) as Record<
        Exclude<TicketQueueViewName, 'at_risk'>,
        number
      >;
    },
  };
}
export type TicketQueueStore = ReturnType<typeof createTicketQueueStore>;
