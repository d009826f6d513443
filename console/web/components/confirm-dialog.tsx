// A yes/no question before something that cannot be undone (remove a schedule, drop a group's
// policy): the question, the server's reason when it refuses, and the danger button that waits
// for the answer.
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { Modal } from './modal.js';
import { describeError } from './states.js';

export function ConfirmDialog(props: {
  title: string;
  question: string;
  confirmLabel: string;
  /** Does the thing; a throw keeps the dialog open with the reason. */
  onConfirm: () => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      props.onClose(true);
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return (
    <Modal title={props.title} onClose={() => props.onClose(false)}>
      <p class="modal-text">{props.question}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="modal-actions">
        <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          class="button button-danger"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void confirm()}
        >
          {busy ? t('common.working') : props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
