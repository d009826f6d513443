// Devices awaiting approval: PCs enrolled with a token that asks for approval (pending) and PCs
// refused for enrolling again with another key (denied). The admin compares the key fingerprint
// with the one the PC printed, then approves or revokes. A new enrollment appears by itself
// (the live stream's device.changed).
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../../protocol/api/devices.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { useLiveEvent, useResync } from '../../state/live.js';
import { StatusBadge } from '../badges.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { RelativeTime } from '../relative-time.js';
import { describeError } from '../states.js';
import { AdminSection } from './admin-section.js';

const waiting = (device: DeviceView) => device.status === 'pending' || device.status === 'denied';

export function PendingDevicesSection() {
  const { state, reload } = useLoad(() => call(API.devices.list).then((devices) => devices.filter(waiting)), []);
  useLiveEvent('device.changed', reload);
  useResync(reload);
  const [revoking, setRevoking] = useState<DeviceView | null>(null);
  return (
    <AdminSection
      title={t('admin.pendingDevices')}
      intro={t('admin.pendingIntro')}
      state={state}
      reload={reload}
      empty={t('admin.pendingEmpty')}
      content={(data) => (
        <div class="table-scroll">
          <table class="table table-compact wrap-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.colDevice')}</th>
                <th scope="col">{t('admin.colGroup')}</th>
                <th scope="col">{t('admin.colState')}</th>
                <th scope="col">{t('admin.colFingerprint')}</th>
                <th scope="col">{t('admin.colEnrolled')}</th>
                <th scope="col">{t('admin.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((device) => (
                <PendingRow key={device.id} device={device} onChanged={reload} onRevoke={setRevoking} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      {revoking && (
        <ConfirmDialog
          title={t('admin.deviceRevokeTitle')}
          question={t('admin.deviceRevokeConfirm', { name: revoking.name })}
          confirmLabel={t('admin.deviceRevoke')}
          onConfirm={() => call(API.devices.revoke, { params: { id: revoking.id }, body: {} })}
          onClose={(revoked) => {
            setRevoking(null);
            if (revoked) reload();
          }}
        />
      )}
    </AdminSection>
  );
}

function PendingRow(props: { device: DeviceView; onChanged: () => void; onRevoke: (device: DeviceView) => void }) {
  const { device } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(API.devices.approve, { params: { id: device.id } });
      props.onChanged();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return (
    <tr data-device={device.name}>
      <td class="cell-name">
        {device.name}
        <div class="cell-secondary">
          {device.osRelease} · {device.arch}
        </div>
      </td>
      <td>{device.group}</td>
      <td>
        <StatusBadge status={device.status} />
        {device.statusReason && <div class="cell-secondary">{device.statusReason}</div>}
      </td>
      <td>
        <code class="fingerprint">{device.fingerprint}</code>
      </td>
      <td>
        <RelativeTime iso={device.enrolledAt} />
      </td>
      <td class="cell-actions">
        <button type="button" class="button button-small button-primary" disabled={busy} onClick={() => void approve()}>
          {t('admin.deviceApprove')}
        </button>{' '}
        <button type="button" class="button button-small button-danger" onClick={() => props.onRevoke(device)}>
          {t('admin.deviceRevoke')}
        </button>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
