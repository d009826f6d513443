// The device page's "Open shell" button: staff only (viewers never get a shell, so they are not
// offered one), and usable only while the PC is active and online; otherwise it says why not.
import type { DeviceView } from '../../../protocol/api/devices.js';
import { STAFF } from '../../../protocol/api/access.js';
import { t } from '../i18n/index.js';
import { statusLabel } from '../i18n/labels.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';

export const shellPath = (deviceId: string) => `/devices/${encodeURIComponent(deviceId)}/shell`;

export function ShellActions(props: { device: Pick<DeviceView, 'id' | 'status' | 'online'> }) {
  const { device } = props;
  const state = session.value;
  if (state.kind !== 'signedIn' || !STAFF.includes(state.user.role)) return null;
  const why =
    device.status !== 'active'
      ? t('shell.notActive', { status: statusLabel(device.status) })
      : !device.online
        ? t('shell.offline')
        : null;
  return (
    <div class="shell-actions">
      <button
        type="button"
        class="button button-primary"
        disabled={why !== null}
        aria-describedby={why ? 'shell-unavailable' : undefined}
        onClick={() => navigate(shellPath(device.id))}
      >
        {t('shell.open')}
      </button>
      {why && (
        <p id="shell-unavailable" class="muted shell-unavailable">
          {why}
        </p>
      )}
    </div>
  );
}
