// The append-only, hash-chained audit log (admins).
import { Type } from 'typebox';
import { ADMIN } from '../access.js';
import { AuditEntryView, AuditQuery, AuditVerdict } from '../audit.js';
import { route } from '../route.js';

export const auditRoutes = {
  list: route({
    method: 'GET',
    path: '/api/audit',
    summary: 'Recent audit entries, newest first',
    access: ADMIN,
    query: AuditQuery,
    response: Type.Array(AuditEntryView),
    errors: [],
  }),
  verify: route({
    method: 'GET',
    path: '/api/audit/verify',
    summary: 'Check the hash chain of the whole audit log',
    access: ADMIN,
    response: AuditVerdict,
    errors: [],
  }),
};
