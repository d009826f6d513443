// The append-only, hash-chained audit log that every security-relevant act is written to.
import type { Db } from '../db/database.js';
import { createAuditStore } from '../features/audit/store.js';
import { sharedPlugin } from './assembly.js';

export const auditPlugin = sharedPlugin('audit', (_app, parts: { db: Db; now: () => number }) => ({
  audit: createAuditStore(parts.db, parts.now),
}));
