// Approve and revoke, for admins: approving a pending PC lets its agent in; revoking disconnects
// it and refuses it from then on, so it asks first (with an optional reason for the audit log).
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../../protocol/api/devices.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { describeError } from '../states.js';

export function DeviceActions(props: { device: DeviceView; onChanged: () => void }) {
  const { device } = props;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setConfirming(false);
      props.onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const approve = () => act(() => call(API.devices.approve, { params: { id: device.id } }));
  const revoke = () =>
    act(() =>
      call(API.devices.revoke, { params: { id: device.id }, body: reason.trim() ? { reason: reason.trim() } : {} }),
    );
  return (
    <>
      {(device.status === 'pending' || device.status === 'denied') && (
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void approve()}>
          {t('device.approve')}
        </button>
      )}
      {device.status !== 'revoked' && (
        <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
          {t('device.revoke')}
        </button>
      )}
      {error && !confirming && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <Modal title={t('device.revokeTitle', { name: device.name })} onClose={() => setConfirming(false)}>
          <form onSubmit={(event) => (event.preventDefault(), void revoke())}>
            <p class="modal-text">{t('device.revokeBody')}</p>
            <label class="field">
              <span class="field-label">{t('fleet.reasonField')}</span>
              <input type="text" value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
            </label>
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
            <div class="modal-actions">
              <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
                {t('fleet.cancel')}
              </button>
              <button type="submit" class="button button-danger" disabled={busy}>
                {t('device.revoke')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
