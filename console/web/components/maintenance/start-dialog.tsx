// The dialog that puts one device in maintenance: for how long (as the CLI takes it: 30m, 2h,
// 1d) and why. The duration is checked here with the protocol's own reading before it is sent;
// the server checks it again and its refusal is shown as it gives it.
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../../protocol/api/devices.js';
import { MAINTENANCE_REASON_MAX, parseMaintenanceDuration } from '../../../../protocol/api/maintenance.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { describeError } from '../states.js';

export function StartMaintenanceDialog(props: { device: DeviceView; onClose: (done: boolean) => void }) {
  const [duration, setDuration] = useState('2h');
  const [reason, setReason] = useState('');
  const [durationError, setDurationError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const typed = duration.trim();
    if ('problem' in parseMaintenanceDuration(typed)) return setDurationError(t('maintenance.badDuration'));
    setDurationError(null);
    setBusy(true);
    setError(null);
    try {
      const body = { deviceId: props.device.id, for: typed, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      await call(API.maintenance.start, { body });
      props.onClose(true);
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('maintenance.startTitle', { name: props.device.name })} onClose={() => props.onClose(false)}>
      <form class="form" noValidate onSubmit={(event) => (event.preventDefault(), void start())}>
        <p class="modal-text">{t('maintenance.startBody')}</p>
        <label class="field">
          <span class="field-label">{t('maintenance.forField')}</span>
          <input
            type="text"
            value={duration}
            required
            aria-invalid={durationError !== null}
            aria-describedby="maintenance-for-hint"
            onInput={(event) => (setDuration(event.currentTarget.value), setDurationError(null))}
          />
          <span id="maintenance-for-hint" class="field-hint">
            {t('maintenance.forHint')}
          </span>
          {durationError && (
            <span class="form-error" role="alert">
              {durationError}
            </span>
          )}
        </label>
        <label class="field">
          <span class="field-label">{t('maintenance.reasonField')}</span>
          <input
            type="text"
            value={reason}
            maxLength={MAINTENANCE_REASON_MAX}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('maintenance.starting') : t('maintenance.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
