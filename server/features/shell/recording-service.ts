// Recordings of remote shells as the API serves them: the sessions, one session, and a session's
// recording file, whose every download goes to the audit log (who watched whose session).
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { RecordingListQuery, RecordingView } from '../../../protocol/api/shell.js';
import { ApiError } from '../../errors.js';
import { iso } from '../../time.js';
import type { AuditStore } from '../audit/store.js';
import type { ShellSessionRow, ShellSessionStore } from './store.js';

const DEFAULT_LIST_LIMIT = 200;

export function recordingView(row: ShellSessionRow): RecordingView {
  return {
    id: row.id,
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    technician: row.technician,
    ticketId: row.ticketId,
    shell: row.shell,
    exec: row.exec,
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    exitCode: row.exitCode,
    reason: row.reason,
    bytesIn: row.bytesIn,
    bytesOut: row.bytesOut,
    recordingBytes: row.recordingBytes,
    truncated: row.truncated,
    inputRecorded: row.inputRecorded,
  };
}

export function createRecordingService(deps: { sessions: ShellSessionStore; audit: AuditStore }) {
  const find = (id: string) => {
    const row = deps.sessions.byId(id);
    if (!row) throw new ApiError('not_found', `no recording ${id}`);
    return row;
  };
  /** The open file; null when retention (or a person) removed it. */
  const openCast = async (file: string): Promise<FileHandle | null> => {
    try {
      return await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  return {
    list: (query: RecordingListQuery) =>
      deps.sessions
        .list({ ...(query.deviceId ? { deviceId: query.deviceId } : {}), limit: query.limit ?? DEFAULT_LIST_LIMIT })
        .map(recordingView),
    show: (id: string) => recordingView(find(id)),
    /**
     * The asciicast v2 file of an ended session, streamed (a recording can be tens of MiB), recorded
     * in the audit log as viewed by `actor`.
     */
    async cast(actor: string, id: string): Promise<Readable> {
      const row = find(id);
      if (row.endedAt === null) {
        throw new ApiError(
          'invalid_state',
          `session ${row.id} is still running; its recording is available when it ends`,
        );
      }
      // Opened before the audit entry: a file that is gone answers not_found and audits nothing.
      const handle = await openCast(row.recordingFile);
      if (handle === null) throw new ApiError('not_found', `the recording of ${row.id} is no longer kept`);
      try {
        deps.audit.record({
          actor,
          action: 'recording.viewed',
          target: row.id,
          detail: { deviceId: row.deviceId, technician: row.technician },
        });
      } catch (error) {
        await handle.close();
        throw error;
      }
      // The stream closes the handle when it ends or fails.
      return handle.createReadStream();
    },
  };
}
export type RecordingService = ReturnType<typeof createRecordingService>;
