// Settings kept per device group (a policy), with a default for groups that have none: stored in
// the settings table under `<prefix><group>`, cached in memory, changed only through set/reset,
// which validate the whole value and audit the change.
import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { describeFirstError } from '../../../protocol/schema-errors.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import { createSettingsStore } from './store.js';

export interface GroupSetting<T> {
  group: string;
  /** False when the group runs the default. */
  custom: boolean;
  value: T;
  updatedBy: string | null;
  updatedAt: number | null;
}

export function createGroupSettings<S extends TSchema>(deps: {
  db: Db;
  audit: AuditStore;
  now: () => number;
  prefix: string;
  schema: S;
  defaultValue: Static<S>;
  /** What the schema cannot say; empty when the value is sound. */
  problems?: (value: Static<S>) => string[];
  /** The audit action, e.g. "shell_policy": ".changed" and ".reset" are added. */
  auditAction: string;
  onChanged?: (group: string) => void;
}) {
  type T = Static<S>;
  const validator = Compile(deps.schema);
  const store = createSettingsStore(deps.db);
  const cache = new Map<string, GroupSetting<T>>();
  for (const row of store.withPrefix(deps.prefix)) {
    const group = row.key.slice(deps.prefix.length);
    cache.set(group, {
      group,
      custom: true,
      value: JSON.parse(row.value) as T,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
    });
  }
  const forGroup = (group: string): GroupSetting<T> =>
    cache.get(group) ?? { group, custom: false, value: deps.defaultValue, updatedBy: null, updatedAt: null };

  return {
    forGroup,
    list: (): Array<GroupSetting<T>> => [...cache.values()].sort((a, b) => a.group.localeCompare(b.group)),
    set(actor: string, group: string, next: unknown): GroupSetting<T> {
      if (!validator.Check(next)) throw new ApiError('validation_failed', describeFirstError(validator, next));
      const problems = deps.problems?.(next) ?? [];
      if (problems.length) throw new ApiError('validation_failed', problems.join('; '));
      const at = deps.now();
      const before = forGroup(group).value;
      deps.db.transaction(() => {
        store.write(deps.prefix + group, JSON.stringify(next), actor, at);
        deps.audit.record({
          actor,
          action: `${deps.auditAction}.changed`,
          target: group,
          detail: { before, after: next },
        });
      })();
      cache.set(group, { group, custom: true, value: next, updatedBy: actor, updatedAt: at });
      deps.onChanged?.(group);
      return forGroup(group);
    },
    reset(actor: string, group: string): GroupSetting<T> {
      const before = cache.get(group);
      if (!before)
        throw new ApiError('not_found', `group ${group} has no setting of its own here; it already runs the default`);
      deps.db.transaction(() => {
        store.remove(deps.prefix + group);
        deps.audit.record({
          actor,
          action: `${deps.auditAction}.reset`,
          target: group,
          detail: { before: before.value },
        });
      })();
      cache.delete(group);
      deps.onChanged?.(group);
      return forGroup(group);
    },
  };
}
export type GroupSettings<T> = { forGroup(group: string): GroupSetting<T> };
