import { CloseCode } from '../../../protocol/close-codes.js';
import type { DeviceView } from '../../../protocol/api/devices.js';
import { ApiError } from '../../errors.js';
import type { Agents } from '../../hub/agents.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthUser } from '../auth/service.js';
import type { DeviceRow, DeviceStore } from './store.js';
import { iso } from '../../time.js';

export function createDeviceService(deps: {
  devices: DeviceStore;
  agents: Agents;
  audit: AuditStore;
  onChanged?: (deviceId: string) => void;
}) {
  const view = (row: DeviceRow): DeviceView => ({
    id: row.id,
    name: row.name,
    group: row.group,
    status: row.status,
    statusReason: row.statusReason,
    online: deps.agents.isOnline(row.id),
    lastSeenAt: iso(Math.max(deps.agents.lastSeenAt(row.id) ?? 0, row.lastSeenAt ?? 0) || null),
    agentVersion: row.agentVersion,
    platform: row.platform,
    osRelease: row.osRelease,
    arch: row.arch,
    fingerprint: row.fingerprint,
    enrolledAt: iso(row.enrolledAt),
  });

  const find = (id: string) => {
    const row = deps.devices.byId(id);
    if (!row) throw new ApiError('not_found', `no device ${id}`);
    return row;
  };

  return {
    list: () => deps.devices.all().map(view),
    show: (id: string) => view(find(id)),

    approve(user: AuthUser, id: string) {
      const row = find(id);
      if (row.status === 'active') throw new ApiError('invalid_state', `device ${id} is already active`);
      if (row.status === 'revoked') throw new ApiError('invalid_state', `device ${id} was revoked; enroll it again`);
      deps.devices.setStatus(id, 'active', null);
      deps.audit.record({
        actor: user.name,
        action: 'device.approved',
        target: id,
        detail: { previous: row.status, fingerprint: row.fingerprint },
      });
      deps.onChanged?.(id);
      return view(find(id));
    },

    revoke(user: AuthUser, id: string, reason?: string) {
      const row = find(id);
      if (row.status === 'revoked') throw new ApiError('invalid_state', `device ${id} is already revoked`);
      deps.devices.setStatus(id, 'revoked', reason ?? `revoked by ${user.name}`);
      deps.agents.disconnect(id, CloseCode.DeviceRevoked, 'device revoked');
      deps.audit.record({
        actor: user.name,
        action: 'device.revoked',
        target: id,
        detail: { previous: row.status, reason: reason ?? null },
      });
      deps.onChanged?.(id);
      return view(find(id));
    },
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;
