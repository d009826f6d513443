// Check policies per device group: which faults the agents of a group watch for. A group without
// its own runs DEFAULT_CHECK_POLICY. Only admins change them, every change is audited, and the
// agents of the group online at the time get the new policy at once (onChanged).
import { CheckPolicy, DEFAULT_CHECK_POLICY, checkPolicyProblems } from '../../../protocol/messages/checks.js';
import type { Db } from '../../db/database.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import { createGroupSettings, type GroupSetting } from '../settings/group-settings.js';

export interface GroupCheckPolicy {
  group: string;
  /** False when the group runs the default policy. */
  custom: boolean;
  policy: CheckPolicy;
  updatedBy: string | null;
  updatedAt: number | null;
}

const asPolicy = ({ value, ...rest }: GroupSetting<CheckPolicy>): GroupCheckPolicy => ({ ...rest, policy: value });

export function createCheckPolicyService(deps: {
  db: Db;
  audit: AuditStore;
  devices: DeviceStore;
  now: () => number;
  onChanged?: (group: string) => void;
}) {
  const settings = createGroupSettings({
    db: deps.db,
    audit: deps.audit,
    now: deps.now,
    prefix: 'check-policy:',
    schema: CheckPolicy,
    defaultValue: DEFAULT_CHECK_POLICY,
    problems: checkPolicyProblems,
    auditAction: 'check_policy',
    ...(deps.onChanged ? { onChanged: deps.onChanged } : {}),
  });
  const forGroup = (group: string) => asPolicy(settings.forGroup(group));
  return {
    /** The underlying per-group store (for the routes). */
    settings,
    forGroup,
    /** The policy of the device's group (the default for a device that no longer exists). */
    forDevice: (deviceId: string): CheckPolicy => forGroup(deps.devices.byId(deviceId)?.group ?? '').policy,
    /** Groups with a policy of their own, by name. */
    list: () => settings.list().map(asPolicy),
    set: (actor: string, group: string, next: unknown) => asPolicy(settings.set(actor, group, next)),
    /** Back to the default policy. */
    reset: (actor: string, group: string) => asPolicy(settings.reset(actor, group)),
  };
}
export type CheckPolicyService = ReturnType<typeof createCheckPolicyService>;
