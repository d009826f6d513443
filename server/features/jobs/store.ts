// Jobs as stored: the signed envelope exactly as it will be sent, its status and its result.
import type { JobStatus } from '../../../protocol/api/jobs.js';
import type { JobEnvelope, JobResult } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';

export interface JobRow {
  id: string;
  runId: string;
  scriptId: number;
  scriptVersion: number;
  scriptName: string;
  deviceId: string;
  deviceName: string | null;
  envelope: JobEnvelope;
  signature: string;
  status: JobStatus;
  requestedBy: string;
  createdAt: number;
  notBefore: number;
  expiresAt: number;
  sentAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  scheduleId: number | null;
  ticketId: number | null;
  result: Omit<JobResult, 'seq' | 'jobId'> | null;
}

export type NewJob = Omit<
  JobRow,
  'scriptName' | 'deviceName' | 'sentAt' | 'startedAt' | 'finishedAt' | 'result' | 'status'
>;

const SELECT = `SELECT j.id, j.run_id AS runId, j.script_id AS scriptId, j.script_version AS scriptVersion, s.name AS scriptName,
  j.device_id AS deviceId, d.name AS deviceName, j.envelope, j.signature, j.status, j.requested_by AS requestedBy,
  j.created_at AS createdAt, j.not_before AS notBefore, j.expires_at AS expiresAt, j.sent_at AS sentAt, j.started_at AS startedAt,
  j.finished_at AS finishedAt, j.schedule_id AS scheduleId, j.ticket_id AS ticketId, j.result
  FROM jobs j JOIN scripts s ON s.id = j.script_id LEFT JOIN devices d ON d.id = j.device_id`;

type RawRow = Omit<JobRow, 'envelope' | 'result'> & { envelope: string; result: string | null };
const parse = (row: RawRow): JobRow => ({
  ...row,
  envelope: JSON.parse(row.envelope) as JobEnvelope,
  result: row.result ? (JSON.parse(row.result) as JobRow['result']) : null,
});

export function createJobStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO jobs (id, run_id, script_id, script_version, device_id, envelope, signature, status, requested_by, created_at, not_before, expires_at, schedule_id, ticket_id)
     VALUES (@id, @runId, @scriptId, @scriptVersion, @deviceId, @envelope, @signature, 'queued', @requestedBy, @createdAt, @notBefore, @expiresAt, @scheduleId, @ticketId)`,
  );
  const byId = db.prepare(`${SELECT} WHERE j.id = ?`);
  const deliverable = db.prepare(
    `${SELECT} WHERE j.device_id = ? AND j.status = 'queued' AND j.not_before <= ? AND j.expires_at > ? ORDER BY j.created_at, j.id`,
  );
  const dueDevices = db
    .prepare("SELECT DISTINCT device_id FROM jobs WHERE status = 'queued' AND not_before <= ? AND expires_at > ?")
    .pluck();
  const expire = db.prepare(
    "UPDATE jobs SET status = 'expired', finished_at = ? WHERE status = 'queued' AND expires_at <= ?",
  );
  const setStatus = db.prepare(
    'UPDATE jobs SET status = ?, sent_at = COALESCE(?, sent_at), started_at = COALESCE(?, started_at) WHERE id = ?',
  );
  const finish = db.prepare(
    'UPDATE jobs SET status = ?, finished_at = ?, started_at = COALESCE(?, started_at), result = ? WHERE id = ?',
  );
  const requeueSent = db.prepare("UPDATE jobs SET status = 'queued' WHERE device_id = ? AND status = 'sent'");
  const ticketExists = db.prepare('SELECT 1 FROM tickets WHERE id = ?');
  const openForTicket = db.prepare(`${SELECT} WHERE j.ticket_id = ? ORDER BY j.created_at DESC`);

  return {
    insert: (job: NewJob) => void insert.run({ ...job, envelope: JSON.stringify(job.envelope) }),
    byId: (id: string) => {
      const row = byId.get(id) as RawRow | undefined;
      return row ? parse(row) : null;
    },
    list(filter: {
      runId?: string;
      deviceId?: string;
      status?: JobStatus;
      ticketId?: number;
      limit: number;
    }): JobRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      const filterBy = (clause: string, value: unknown) => {
        where.push(clause);
        params.push(value);
      };
      if (filter.runId) filterBy('j.run_id = ?', filter.runId);
      if (filter.deviceId) filterBy('j.device_id = ?', filter.deviceId);
      if (filter.status) filterBy('j.status = ?', filter.status);
      if (filter.ticketId) filterBy('j.ticket_id = ?', filter.ticketId);
      const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.created_at DESC, j.id LIMIT ?`;
      return (db.prepare(sql).all(...params, filter.limit) as RawRow[]).map(parse);
    },
    /** Whether a run may name this ticket (jobs.ticket_id is a foreign key). */
    ticketExists: (id: number) => ticketExists.get(id) !== undefined,
    deliverable: (deviceId: string, now: number) => (deliverable.all(deviceId, now, now) as RawRow[]).map(parse),
    dueDevices: (now: number) => dueDevices.all(now, now) as string[],
    /** Queued jobs whose window closed; returns how many. */
    expire: (now: number) => expire.run(now, now).changes,
    markSent: (id: string, at: number) => void setStatus.run('sent', at, null, id),
    markRunning: (id: string, at: number) => void setStatus.run('running', null, at, id),
    finish: (id: string, status: JobStatus, at: number, startedAt: number | null, result: JobRow['result']) =>
      void finish.run(status, at, startedAt, JSON.stringify(result), id),
    /** Jobs sent on a channel that closed before the agent said it started them go out again. */
    requeueSent: (deviceId: string) => requeueSent.run(deviceId).changes,
    forTicket: (ticketId: number) => (openForTicket.all(ticketId) as RawRow[]).map(parse),
  };
}
export type JobStore = ReturnType<typeof createJobStore>;
