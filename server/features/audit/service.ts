// The audit log as the API shows it: times as ISO text and each entry's detail as JSON again.
import type { AuditEntryView, AuditVerdict } from '../../../protocol/api/audit.js';
import { iso } from '../../time.js';
import type { AuditStore } from './store.js';

export function createAuditService(deps: { audit: AuditStore }) {
  return {
    list: (query: { action?: string; limit?: number }): AuditEntryView[] =>
      deps.audit.list(query).map((entry) => ({
        seq: entry.seq,
        at: iso(entry.at),
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        detail: JSON.parse(entry.detail) as unknown,
        hash: entry.hash,
      })),
    verify: (): AuditVerdict => deps.audit.verify(),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
