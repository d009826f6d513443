// Tickets, their status intervals, entries and field history. No transactions here: the
// service wraps each change in one.
import type { TicketChannel, TicketSource, TicketStatus } from '../../../protocol/api/tickets.js';
import type { Db } from '../../db/database.js';

export interface TicketRow {
  id: number;
  subject: string;
  description: string;
  requesterKind: 'employee' | 'user' | 'system';
  requesterName: string;
  requesterUserId: number | null;
  deviceId: string | null;
  deviceName: string | null;
  category: string;
  source: TicketSource;
  channel: TicketChannel | null;
  impact: number;
  urgency: number;
  priority: number;
  line: 1 | 2 | 3;
  assigneeId: number | null;
  assignee: string | null;
  status: TicketStatus;
  resolution: string | null;
  faultKey: string | null;
  snapshot: string | null;
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

export type NewTicket = Omit<
  TicketRow,
  'id' | 'deviceName' | 'assignee' | 'updatedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'resolution'
>;

export const TICKET_SELECT = `SELECT t.id, t.subject, t.description, t.requester_kind AS requesterKind, t.requester_name AS requesterName,
  t.requester_user_id AS requesterUserId, t.device_id AS deviceId, d.name AS deviceName, t.category, t.source, t.channel, t.impact,
  t.urgency, t.priority, t.line, t.assignee_id AS assigneeId, u.name AS assignee, t.status, t.resolution, t.fault_key AS faultKey,
  t.snapshot, t.created_at AS createdAt, t.updated_at AS updatedAt, t.first_response_at AS firstResponseAt,
  t.resolved_at AS resolvedAt, t.closed_at AS closedAt
  FROM tickets t LEFT JOIN devices d ON d.id = t.device_id LEFT JOIN users u ON u.id = t.assignee_id`;

/** Columns a service may change, mapped to their SQL names. */
const COLUMN: Record<string, string> = {
  status: 'status',
  assigneeId: 'assignee_id',
  line: 'line',
  priority: 'priority',
  impact: 'impact',
  urgency: 'urgency',
  resolution: 'resolution',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  subject: 'subject',
  category: 'category',
};

/** History shows times as ISO text, everything else as it is stored. */
function display(field: string, value: string | number | null): string | null {
  if (value === null) return null;
  return field.endsWith('At') && typeof value === 'number' ? new Date(value).toISOString() : String(value);
}

export function createTicketStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO tickets (subject, description, requester_kind, requester_name, requester_user_id, device_id, category, source, channel,
       impact, urgency, priority, line, assignee_id, status, fault_key, snapshot, created_at, updated_at)
     VALUES (@subject, @description, @requesterKind, @requesterName, @requesterUserId, @deviceId, @category, @source, @channel,
       @impact, @urgency, @priority, @line, @assigneeId, @status, @faultKey, @snapshot, @createdAt, @createdAt)`,
  );
  const byId = db.prepare(`${TICKET_SELECT} WHERE t.id = ?`);
  const openFault = db.prepare(
    `${TICKET_SELECT} WHERE t.device_id = ? AND t.fault_key = ? AND t.status NOT IN ('resolved', 'closed')`,
  );
  const openInterval = db.prepare('INSERT INTO ticket_status_intervals (ticket_id, status, from_at) VALUES (?, ?, ?)');
  const closeInterval = db.prepare(
    'UPDATE ticket_status_intervals SET to_at = ? WHERE ticket_id = ? AND to_at IS NULL',
  );
  const intervals = db.prepare(
    'SELECT status, from_at AS "from", to_at AS "to" FROM ticket_status_intervals WHERE ticket_id = ? ORDER BY from_at, rowid',
  );
  const addEntry = db.prepare('INSERT INTO ticket_entries (ticket_id, at, author, kind, body) VALUES (?, ?, ?, ?, ?)');
  const entries = db.prepare('SELECT at, author, kind, body FROM ticket_entries WHERE ticket_id = ? ORDER BY at, id');
  const addHistory = db.prepare(
    'INSERT INTO ticket_history (ticket_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const history = db.prepare(
    'SELECT at, actor, field, old_value AS oldValue, new_value AS newValue FROM ticket_history WHERE ticket_id = ? ORDER BY at, id',
  );
  const touch = db.prepare('UPDATE tickets SET updated_at = ? WHERE id = ?');
  // One read and one write statement per changeable column, prepared once.
  const fieldStatements = new Map(
    Object.entries(COLUMN).map(([field, column]) => [
      field,
      {
        read: db.prepare(`SELECT ${column} FROM tickets WHERE id = ?`).pluck(),
        write: db.prepare(`UPDATE tickets SET ${column} = ? WHERE id = ?`),
      },
    ]),
  );
  const slaEvents = db.prepare('SELECT type, kind FROM ticket_sla_events WHERE ticket_id = ?');
  const recordSla = db.prepare(
    'INSERT OR IGNORE INTO ticket_sla_events (ticket_id, type, kind, at) VALUES (?, ?, ?, ?)',
  );
  const openIds = db.prepare("SELECT id FROM tickets WHERE status NOT IN ('resolved', 'closed') ORDER BY id").pluck();
  const resolvedBefore = db
    .prepare("SELECT id FROM tickets WHERE status = 'resolved' AND resolved_at < ? ORDER BY id")
    .pluck();
  const employeeIds = db
    .prepare(
      `SELECT id FROM tickets WHERE device_id = ? AND requester_kind = 'employee'
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .pluck();

  return {
    insert(ticket: NewTicket): number {
      const id = Number(insert.run(ticket).lastInsertRowid);
      openInterval.run(id, ticket.status, ticket.createdAt);
      return id;
    },
    byId: (id: number) => byId.get(id) as TicketRow | undefined,
    openFaultTicket: (deviceId: string, faultKey: string) => openFault.get(deviceId, faultKey) as TicketRow | undefined,
    list(filter: {
      status?: TicketStatus;
      line?: number;
      assigneeId?: number;
      deviceId?: string;
      openOnly?: boolean;
      limit: number;
    }): TicketRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      const filterBy = (clause: string, value: unknown) => {
        where.push(clause);
        params.push(value);
      };
      if (filter.status) filterBy('t.status = ?', filter.status);
      if (filter.line) filterBy('t.line = ?', filter.line);
      if (filter.assigneeId !== undefined) filterBy('t.assignee_id = ?', filter.assigneeId);
      if (filter.deviceId) filterBy('t.device_id = ?', filter.deviceId);
      if (filter.openOnly) where.push("t.status NOT IN ('resolved', 'closed')");
      const sql = `${TICKET_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.priority, t.created_at LIMIT ?`;
      return db.prepare(sql).all(...params, filter.limit) as TicketRow[];
    },
    /** Sets fields and records each change in the history. */
    update(
      id: number,
      actor: string,
      at: number,
      changes: Partial<Record<keyof typeof COLUMN, string | number | null>>,
      shown: Record<string, [string | null, string | null]> = {},
    ): void {
      for (const [field, value] of Object.entries(changes)) {
        const statements = fieldStatements.get(field);
        if (!statements) throw new Error(`unknown ticket field ${field}`);
        const before = statements.read.get(id) as string | number | null;
        if (before === value) continue;
        statements.write.run(value, id);
        const [oldShown, newShown] = shown[field] ?? [display(field, before), display(field, value ?? null)];
        addHistory.run(id, at, actor, field, oldShown, newShown);
        if (field === 'status') {
          closeInterval.run(at, id);
          openInterval.run(id, value, at);
        }
      }
      touch.run(at, id);
    },
    statusIntervals: (id: number) =>
      intervals.all(id) as Array<{ status: TicketStatus; from: number; to: number | null }>,
    addEntry(id: number, at: number, author: string, kind: 'reply' | 'note' | 'event', body: string): void {
      addEntry.run(id, at, author, kind, body);
      touch.run(at, id);
    },
    entries: (id: number) =>
      entries.all(id) as Array<{ at: number; author: string; kind: 'reply' | 'note' | 'event'; body: string }>,
    history: (id: number) =>
      history.all(id) as Array<{
        at: number;
        actor: string;
        field: string;
        oldValue: string | null;
        newValue: string | null;
      }>,
    recordedSlaEvents: (id: number) =>
      slaEvents.all(id) as Array<{ type: 'sla.warning' | 'sla.breach'; kind: 'first_response' | 'resolution' }>,
    /** False when that event was already recorded for the ticket. */
    recordSlaEvent: (id: number, type: string, kind: string, at: number) =>
      recordSla.run(id, type, kind, at).changes > 0,
    openTicketIds: () => openIds.all() as number[],
    resolvedBefore: (at: number) => resolvedBefore.all(at) as number[],
    /** A device's latest employee requests, newest first. */
    employeeTicketIds: (deviceId: string, limit: number) => employeeIds.all(deviceId, limit) as number[],
    recordCreation: (id: number, at: number, actor: string) =>
      void addHistory.run(id, at, actor, 'created', null, 'new'),
  };
}
export type TicketStore = ReturnType<typeof createTicketStore>;
