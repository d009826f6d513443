// Reading the audit log through the API (admins). The log itself is a shared part (plugins/audit.ts).
import { featurePlugin } from '../../plugins/assembly.js';
import { auditRoutes } from './routes.js';
import { createAuditService } from './service.js';
import type { AuditStore } from './store.js';

export const auditLogPlugin = featurePlugin('audit-log', (app, parts: { audit: AuditStore }) => {
  const { audit } = parts;
  auditRoutes(app, { audit: createAuditService({ audit }) });
  return {};
});
