// Recordings of remote shells: staff read them; every download is audited.
import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { RecordingView } from '../../../protocol/api/shell.js';
import type { AuditStore } from '../audit/store.js';
import { ApiError } from '../../errors.js';
import { STAFF, currentUser } from '../../plugins/access.js';
import type { ShellSessionRow, ShellSessionStore } from './store.js';
import { iso } from '../../time.js';

export function recordingView(row: ShellSessionRow): RecordingView {
  return {
    id: row.id,
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    technician: row.technician,
    ticketId: row.ticketId,
    shell: row.shell,
    exec: row.exec,
    startedAt: iso(row.startedAt)!,
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

const IdParams = Type.Object({ id: Type.String({ pattern: '^sh_[a-z0-9]{16,40}$' }) }, { additionalProperties: false });

export function recordingRoutes(app: FastifyInstance, deps: { sessions: ShellSessionStore; audit: AuditStore }) {
  const find = (id: string) => {
    const row = deps.sessions.byId(id);
    if (!row) throw new ApiError('not_found', `no recording ${id}`);
    return row;
  };
  app.get<{ Querystring: { deviceId?: string; limit?: number } }>(
    '/api/recordings',
    { config: { access: STAFF }, schema: { summary: 'Remote shell sessions and their recordings, newest first', querystring: Type.Object({ deviceId: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }), response: { 200: Type.Array(RecordingView) } } },
    async (request) => deps.sessions.list({ ...(request.query.deviceId ? { deviceId: request.query.deviceId } : {}), limit: request.query.limit ?? 200 }).map(recordingView),
  );
  app.get<{ Params: { id: string } }>('/api/recordings/:id', { config: { access: STAFF }, schema: { summary: 'One session', params: IdParams, response: { 200: RecordingView } } }, async (request) => recordingView(find(request.params.id)));
  app.get<{ Params: { id: string } }>(
    '/api/recordings/:id/cast',
    { config: { access: STAFF }, schema: { summary: 'The recording as an asciicast v2 file (audited)', params: IdParams } },
    async (request, reply) => {
      const row = find(request.params.id);
      if (row.endedAt === null) throw new ApiError('invalid_state', `session ${row.id} is still running; its recording is available when it ends`);
      if (!existsSync(row.recordingFile)) throw new ApiError('not_found', `the recording of ${row.id} is no longer kept`);
      deps.audit.record({ actor: currentUser(request).name, action: 'recording.viewed', target: row.id, detail: { deviceId: row.deviceId, technician: row.technician } });
      return reply.header('content-type', 'text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').header('content-disposition', `attachment; filename="${row.id}.cast"`).send(createReadStream(row.recordingFile));
    },
  );
}
