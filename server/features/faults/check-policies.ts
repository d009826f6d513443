// Check policies per device group: which faults the agents of a group watch for. Kept in the
// settings table (one row per group that has its own), cached in memory; a group without one
// runs DEFAULT_CHECK_POLICY. Only admins change them, every change is audited, and the agents of
// the group online at the time get the new policy at once.
import { Compile } from 'typebox/compile';
import { CheckPolicy, DEFAULT_CHECK_POLICY, checkPolicyProblems } from '../../../protocol/messages/checks.js';
import { describeFirstError } from '../../../protocol/schema-errors.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';

const PREFIX = 'check-policy:';
const validator = Compile(CheckPolicy);

export interface GroupCheckPolicy {
  group: string;
  /** False when the group runs the default policy. */
  custom: boolean;
  policy: CheckPolicy;
  updatedBy: string | null;
  updatedAt: number | null;
}

export function createCheckPolicyService(deps: { db: Db; audit: AuditStore; devices: DeviceStore; now: () => number; onChanged?: (group: string) => void }) {
  const all = deps.db.prepare("SELECT key, value, updated_by AS updatedBy, updated_at AS updatedAt FROM settings WHERE key LIKE 'check-policy:%'");
  const write = deps.db.prepare(
    `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const remove = deps.db.prepare('DELETE FROM settings WHERE key = ?');
  const cache = new Map<string, GroupCheckPolicy>();
  for (const row of all.all() as Array<{ key: string; value: string; updatedBy: string; updatedAt: number }>) {
    const group = row.key.slice(PREFIX.length);
    cache.set(group, { group, custom: true, policy: JSON.parse(row.value) as CheckPolicy, updatedBy: row.updatedBy, updatedAt: row.updatedAt });
  }
  const forGroup = (group: string): GroupCheckPolicy => cache.get(group) ?? { group, custom: false, policy: DEFAULT_CHECK_POLICY, updatedBy: null, updatedAt: null };

  return {
    forGroup,
    /** The policy of the device's group (the default for a device that no longer exists). */
    forDevice: (deviceId: string): CheckPolicy => forGroup(deps.devices.byId(deviceId)?.group ?? '').policy,
    /** Groups with a policy of their own, by name. */
    list: (): GroupCheckPolicy[] => [...cache.values()].sort((a, b) => a.group.localeCompare(b.group)),
    set(actor: string, group: string, next: unknown): GroupCheckPolicy {
      if (!validator.Check(next)) throw new ApiError('validation_failed', describeFirstError(validator, next));
      const problems = checkPolicyProblems(next);
      if (problems.length) throw new ApiError('validation_failed', problems.join('; '));
      const at = deps.now();
      const before = forGroup(group);
      deps.db.transaction(() => {
        write.run(PREFIX + group, JSON.stringify(next), actor, at);
        deps.audit.record({ actor, action: 'check_policy.changed', target: group, detail: { before: before.policy, after: next } });
      })();
      cache.set(group, { group, custom: true, policy: next, updatedBy: actor, updatedAt: at });
      deps.onChanged?.(group);
      return forGroup(group);
    },
    /** Back to the default policy. */
    reset(actor: string, group: string): GroupCheckPolicy {
      const before = cache.get(group);
      if (!before) throw new ApiError('not_found', `group ${group} has no check policy of its own; it already runs the default`);
      deps.db.transaction(() => {
        remove.run(PREFIX + group);
        deps.audit.record({ actor, action: 'check_policy.reset', target: group, detail: { before: before.policy } });
      })();
      cache.delete(group);
      deps.onChanged?.(group);
      return forGroup(group);
    },
  };
}
export type CheckPolicyService = ReturnType<typeof createCheckPolicyService>;
