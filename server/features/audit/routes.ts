import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ADMIN } from '../../plugins/access.js';
import type { AuditStore } from './store.js';

const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Unknown(),
  hash: Type.String(),
});
const AuditQuery = Type.Object(
  { action: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  { additionalProperties: false },
);

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditStore }) {
  app.get<{ Querystring: { action?: string; limit?: number } }>(
    '/api/audit',
    { config: { access: ADMIN }, schema: { summary: 'Recent audit entries, newest first', querystring: AuditQuery, response: { 200: Type.Array(AuditEntryView) } } },
    async (request) =>
      deps.audit.list(request.query).map((entry) => ({ ...entry, at: new Date(entry.at).toISOString(), detail: JSON.parse(entry.detail) as unknown })),
  );

  app.get('/api/audit/verify', { config: { access: ADMIN }, schema: { summary: 'Check the hash chain of the whole audit log' } }, async () => deps.audit.verify());
}
