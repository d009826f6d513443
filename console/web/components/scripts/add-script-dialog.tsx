// Adding a script (administrators only, as the API): paste its text or open the file. Its header
// is read back at once (name, platforms, parameters) or the header's problem is shown, so what
// the server would refuse is seen before sending; the server checks it again and says when the
// same text is already the newest version (then nothing new is stored).
import { useMemo, useState } from 'preact/hooks';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { formatBytes } from '../../i18n/bytes.js';
import { t } from '../../i18n/index.js';
import { navigate } from '../../state/router.js';
import { readScriptDraft, type ScriptDraft } from '../../state/script-draft.js';
import { Modal } from '../modal.js';
import { FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';

export function AddScriptDialog(props: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const draft = useMemo(() => readScriptDraft(text), [text]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setError(undefined);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (draft.kind !== 'ok') {
      setError(problemWords(draft) ?? t('addScript.problemEmpty'));
      return;
    }
    setSaving(true);
    try {
      const added = await call(API.scripts.add, { body: draft.request });
      navigate(`/scripts/${encodeURIComponent(added.name)}?platform=${encodeURIComponent(added.platforms[0]!)}`);
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : describeError(failure));
      setSaving(false);
    }
  };

  return (
    <Modal title={t('addScript.title')} onClose={props.onClose} wide>
      <form class="run-form" onSubmit={(event) => void submit(event)} noValidate>
        <p class="modal-text">{t('addScript.intro')}</p>
        <div class="field">
          <label class="field-label" for="add-script-text">
            {t('addScript.text')}
          </label>
          <textarea
            id="add-script-text"
            class="input input-mono script-text"
            rows={14}
            spellcheck={false}
            value={text}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <label class="field-hint file-pick">
            {t('addScript.openFile')}{' '}
            <input type="file" onChange={(event) => void open(event.currentTarget.files?.[0])} />
          </label>
        </div>
        <DraftPreview draft={draft} />
        <FieldError id="add-script-error" message={error} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
            {t(saving ? 'common.working' : 'addScript.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function problemWords(draft: ScriptDraft): string | null {
  if (draft.kind !== 'problem') return null;
  if (draft.problem === 'noHeader') return t('addScript.problemNoHeader');
  if (draft.problem === 'tooBig') return t('addScript.problemTooBig', { size: formatBytes(Number(draft.message)) });
  return t('addScript.problemHeader', { message: draft.message });
}

/** What the header says, read back in words before anything is sent. */
function DraftPreview(props: { draft: ScriptDraft }) {
  const { draft } = props;
  if (draft.kind === 'empty') return null;
  if (draft.kind === 'problem')
    return (
      <div class="cron-preview cron-preview-problem" aria-live="polite">
        <p>{problemWords(draft)}</p>
      </div>
    );
  const { request } = draft;
  return (
    <div class="cron-preview" aria-live="polite">
      <p class="cron-reading">
        {t('addScript.reads', {
          name: request.name,
          platforms: request.platforms.join(', '),
          interpreter: request.interpreter,
        })}
      </p>
      <p>{request.description}</p>
      <p class="muted">
        {request.params?.length
          ? t('addScript.params', { names: request.params.map((param) => param.name).join(', ') })
          : t('addScript.noParams')}
      </p>
    </div>
  );
}
