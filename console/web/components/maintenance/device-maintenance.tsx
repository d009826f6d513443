// A device's maintenance on its page: the windows that cover it (its own and its group's), the
// badge in the header, and for staff the Start and End buttons with their dialogs. It reads the
// windows again whenever the live stream says the device changed (maintenance starting or ending
// anywhere says so).
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../../protocol/api/devices.js';
import type { MaintenanceView } from '../../../../protocol/api/maintenance.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useDeviceChanges } from '../../state/live.js';
import { useLoad } from '../../state/load.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { MaintenanceBadge } from './maintenance-badge.js';
import { StartMaintenanceDialog } from './start-dialog.js';

/** The windows over a device now; the first ends last (the server's order). */
export function useDeviceMaintenance(deviceId: string) {
  const { state, reload } = useLoad(() => call(API.maintenance.list, { query: { deviceId } }), [deviceId]);
  useDeviceChanges(deviceId, reload);
  const windows: MaintenanceView[] = state.kind === 'ready' ? state.data : [];
  return { windows, reload };
}

export function DeviceMaintenanceBadge(props: { windows: readonly MaintenanceView[] }) {
  const [latest] = props.windows;
  return latest ? <MaintenanceBadge badge={{ until: latest.endsAt, reason: latest.reason }} /> : null;
}

/** Start when the device has no window of its own; End its own window, or else its group's. */
export function DeviceMaintenanceActions(props: {
  device: DeviceView;
  windows: readonly MaintenanceView[];
  onChanged: () => void;
}) {
  const { device, windows } = props;
  const [dialog, setDialog] = useState<'start' | 'end' | null>(null);
  const own = windows.find((window) => window.target.kind === 'device');
  const ending = own ?? windows[0];
  const close = (done: boolean) => {
    setDialog(null);
    if (done) props.onChanged();
  };
  return (
    <>
      {!own && (
        <button type="button" class="button" onClick={() => setDialog('start')}>
          {t('maintenance.start')}
        </button>
      )}
      {ending && (
        <button type="button" class="button" onClick={() => setDialog('end')}>
          {t('maintenance.end')}
        </button>
      )}
      {dialog === 'start' && <StartMaintenanceDialog device={device} onClose={close} />}
      {dialog === 'end' && ending && (
        <ConfirmDialog
          title={t('maintenance.endTitle', { name: device.name })}
          question={
            ending.target.kind === 'group'
              ? t('maintenance.endGroupBody', { group: ending.target.value })
              : t('maintenance.endDeviceBody')
          }
          confirmLabel={t('maintenance.end')}
          onConfirm={() => call(API.maintenance.end, { params: { id: ending.id } })}
          onClose={close}
        />
      )}
    </>
  );
}
