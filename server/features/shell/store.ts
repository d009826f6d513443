// Shell sessions as stored (each with its recording file).
import type { Db } from '../../db/database.js';

export interface ShellSessionRow {
  id: string;
  deviceId: string;
  deviceName: string | null;
  technician: string;
  technicianId: number;
  ticketId: number | null;
  shell: string;
  exec: string | null;
  startedAt: number;
  endedAt: number | null;
  exitCode: number | null;
  reason: string | null;
  bytesIn: number;
  bytesOut: number;
  recordingFile: string;
  recordingBytes: number;
  truncated: boolean;
  inputRecorded: boolean;
}

const SELECT = `SELECT s.id, s.device_id AS deviceId, d.name AS deviceName, s.technician, s.technician_id AS technicianId, s.ticket_id AS ticketId,
  s.shell, s.exec, s.started_at AS startedAt, s.ended_at AS endedAt, s.exit_code AS exitCode, s.reason, s.bytes_in AS bytesIn,
  s.bytes_out AS bytesOut, s.recording_file AS recordingFile, s.recording_bytes AS recordingBytes, s.truncated, s.input_recorded AS inputRecorded
  FROM shell_sessions s LEFT JOIN devices d ON d.id = s.device_id`;
type Raw = Omit<ShellSessionRow, 'truncated' | 'inputRecorded'> & { truncated: number; inputRecorded: number };
const parse = (row: Raw): ShellSessionRow => ({
  ...row,
  truncated: row.truncated === 1,
  inputRecorded: row.inputRecorded === 1,
});

export function createShellSessionStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO shell_sessions (id, device_id, technician, technician_id, ticket_id, shell, exec, started_at, recording_file, input_recorded)
     VALUES (@id, @deviceId, @technician, @technicianId, @ticketId, @shell, @exec, @startedAt, @recordingFile, @inputRecorded)`,
  );
  const setShell = db.prepare('UPDATE shell_sessions SET shell = ? WHERE id = ?');
  const finish = db.prepare(
    'UPDATE shell_sessions SET ended_at = @endedAt, exit_code = @exitCode, reason = @reason, bytes_in = @bytesIn, bytes_out = @bytesOut, recording_bytes = @recordingBytes, truncated = @truncated WHERE id = @id',
  );
  const byId = db.prepare(`${SELECT} WHERE s.id = ?`);
  const expired = db.prepare(
    'SELECT id, recording_file AS recordingFile FROM shell_sessions WHERE ended_at IS NOT NULL AND started_at < ?',
  );
  const remove = db.prepare('DELETE FROM shell_sessions WHERE id = ?');
  return {
    insert: (
      row: Pick<
        ShellSessionRow,
        | 'id'
        | 'deviceId'
        | 'technician'
        | 'technicianId'
        | 'ticketId'
        | 'shell'
        | 'exec'
        | 'startedAt'
        | 'recordingFile'
        | 'inputRecorded'
      >,
    ) => void insert.run({ ...row, inputRecorded: row.inputRecorded ? 1 : 0 }),
    setShell: (id: string, shell: string) => void setShell.run(shell, id),
    finish: (
      row: Pick<
        ShellSessionRow,
        'id' | 'endedAt' | 'exitCode' | 'reason' | 'bytesIn' | 'bytesOut' | 'recordingBytes' | 'truncated'
      >,
    ) => void finish.run({ ...row, truncated: row.truncated ? 1 : 0 }),
    byId: (id: string) => {
      const row = byId.get(id) as Raw | undefined;
      return row ? parse(row) : null;
    },
    list(filter: { deviceId?: string; limit: number }): ShellSessionRow[] {
      const sql = `${SELECT} ${filter.deviceId ? 'WHERE s.device_id = ?' : ''} ORDER BY s.started_at DESC LIMIT ?`;
      return (db.prepare(sql).all(...(filter.deviceId ? [filter.deviceId] : []), filter.limit) as Raw[]).map(parse);
    },
    /** Ended sessions that started before `at` (past their retention). */
    expired: (at: number) => expired.all(at) as Array<{ id: string; recordingFile: string }>,
    remove: (id: string) => void remove.run(id),
  };
}
export type ShellSessionStore = ReturnType<typeof createShellSessionStore>;
