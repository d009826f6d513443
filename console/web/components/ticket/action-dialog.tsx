// One step of the ticket workflow that needs words (a resolution, a reason, an escalation note):
// the text, anything else the step asks (a checkbox, a person), and the server's reason when it
// refuses, with the dialog kept open so nothing typed is lost.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { describeError } from '../states.js';

/** A problem the form itself found (said as it is, not as the server's answer). */
export class FormProblem extends Error {}

export function ActionDialog(props: {
  title: string;
  /** The text field's label; absent for a step with no words. */
  textLabel?: string;
  textRequired?: boolean;
  /** The text field after the other fields (a form whose words are its last part). */
  textLast?: boolean;
  wide?: boolean;
  submitLabel: string;
  children?: ComponentChildren;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (props.textRequired && !text.trim()) {
      setError(t('ticket.textNeeded', { field: props.textLabel ?? '' }));
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(text.trim());
      props.onClose(true);
    } catch (failure) {
      setError(failure instanceof FormProblem ? failure.message : describeError(failure));
      setBusy(false);
    }
  };
  const textField = props.textLabel && (
    <div class="field">
      <label class="field-label" for="action-text">
        {props.textLabel}
      </label>
      <textarea
        id="action-text"
        class="textarea"
        rows={4}
        maxLength={20_000}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
    </div>
  );
  return (
    <Modal title={props.title} onClose={() => props.onClose(false)} wide={props.wide}>
      <form class="action-form" onSubmit={(event) => void submit(event)}>
        {!props.textLast && textField}
        {props.children}
        {props.textLast && textField}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('common.working') : props.submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
