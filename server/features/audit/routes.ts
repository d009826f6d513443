import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntryView, AuditQuery, AuditVerdict } from '../../../protocol/api/audit.js';
import { ADMIN } from '../../plugins/access.js';
import type { AuditStore } from './store.js';

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditStore }) {
  app.get<{ Querystring: { action?: string; limit?: number } }>(
    '/api/audit',
    { config: { access: ADMIN }, schema: { summary: 'Recent audit entries, newest first', querystring: AuditQuery, response: { 200: Type.Array(AuditEntryView) } } },
    async (request) =>
      deps.audit.list(request.query).map((entry) => ({ ...entry, at: new Date(entry.at).toISOString(), detail: JSON.parse(entry.detail) as unknown })),
  );

  app.get('/api/audit/verify', { config: { access: ADMIN }, schema: { summary: 'Check the hash chain of the whole audit log', response: { 200: AuditVerdict } } }, async () =>
    deps.audit.verify(),
  );
}
