import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { serve } from '../../plugins/routes.js';
import type { AuditService } from './service.js';

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService }) {
  serve(app, API.audit.list, async (request) => deps.audit.list(request.query));
  serve(app, API.audit.verify, async () => deps.audit.verify());
}
