// Words for values the API sends as codes: a device's status and connection, a user's role.
import type { UserView } from '../../../protocol/api/auth.js';
import type { DeviceView } from '../../../protocol/api/devices.js';
import { t, type MessageKey } from './index.js';

const STATUS_KEYS: Record<DeviceView['status'], MessageKey> = {
  active: 'status.active',
  pending: 'status.pending',
  denied: 'status.denied',
  revoked: 'status.revoked',
};

export const statusLabel = (status: DeviceView['status']) => t(STATUS_KEYS[status]);
export const onlineLabel = (online: boolean) => t(online ? 'online.online' : 'online.offline');

export function roleLabel(user: Pick<UserView, 'role' | 'line'>): string {
  if (user.role === 'technician') return t('role.technician', { line: user.line ?? 1 });
  return t(user.role === 'admin' ? 'role.admin' : 'role.viewer');
}
