// Help-desk settings: kept in the database, cached in memory, changed only by admins, and every
// change is audited. Invalid settings are refused whole, so a half-valid policy never applies.
import { Compile } from 'typebox/compile';
import { DEFAULT_HELP_DESK_SETTINGS, HelpDeskSettings } from '../../../protocol/api/help-desk-settings.js';
import { checkPriorityMatrix, checkSlaPolicy } from '../../../protocol/api/sla.js';
import { describeFirstError } from '../../../protocol/schema-errors.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { UserStore } from '../users/store.js';
import { createSettingsStore } from './store.js';

const KEY = 'help-desk';
const validator = Compile(HelpDeskSettings);

export function createSettingsService(deps: { db: Db; audit: AuditStore; users: UserStore; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const store = createSettingsStore(deps.db);
  const stored = store.value(KEY);
  let current: HelpDeskSettings = stored ? (JSON.parse(stored) as HelpDeskSettings) : DEFAULT_HELP_DESK_SETTINGS;

  return {
    helpDesk: () => current,
    setHelpDesk(actor: string, next: unknown): HelpDeskSettings {
      if (!validator.Check(next)) throw new ApiError('validation_failed', describeFirstError(validator, next));
      const problems = [checkSlaPolicy(next.slaPolicy), checkPriorityMatrix(next.priorityMatrix)].flatMap((result) =>
        result.ok ? [] : result.errors,
      );
      for (const rule of next.escalationRules) {
        const user = rule.assignTo ? deps.users.byName(rule.assignTo) : undefined;
        if (rule.assignTo && (!user || user.role === 'viewer'))
          problems.push(`escalation rule assigns to ${rule.assignTo}, who is not an active technician or admin`);
      }
      if (problems.length) throw new ApiError('validation_failed', problems.join('; '));
      deps.db.transaction(() => {
        store.write(KEY, JSON.stringify(next), actor, now());
        deps.audit.record({ actor, action: 'settings.changed', target: KEY, detail: { before: current, after: next } });
      })();
      current = next;
      return current;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
