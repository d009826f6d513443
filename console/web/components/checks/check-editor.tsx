// Editing a group's checks: one card per check with the fields its kind has (from the protocol's
// schema), add and remove, then one save of the whole policy. The server checks it all again;
// its message shows on the card it is about, and nothing is saved until the server accepts it.
import { useState } from 'preact/hooks';
import { ApiRequestError } from '../../../../protocol/errors.js';
import type { CheckKind } from '../../../../protocol/messages/checks.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import {
  CHECK_KINDS,
  checkOfServerMessage,
  fieldsOf,
  newCheck,
  settingText,
  withField,
  type CheckDraft,
  type CheckField,
} from '../../state/check-form.js';
import { describeError } from '../states.js';
import { checkFieldLabel, checkKindLabel } from './check-words.js';

export function CheckEditor(props: { group: string; checks: readonly CheckDraft[]; onDone: (saved: boolean) => void }) {
  const [drafts, setDrafts] = useState<CheckDraft[]>(() => [...props.checks]);
  const [kind, setKind] = useState<CheckKind>('disk_usage');
  const [error, setError] = useState<{ index: number | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (index: number, next: CheckDraft | null) => {
    setDrafts((previous) => previous.flatMap((draft, at) => (at !== index ? [draft] : next ? [next] : [])));
    setError(null);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    try {
      await call(API.checkPolicies.set, { params: { group: props.group }, body: { checks: drafts } });
      props.onDone(true);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      setError({ index: failure instanceof ApiRequestError ? checkOfServerMessage(message, drafts) : null, message });
      setSaving(false);
    }
  };
  return (
    <form class="check-editor" onSubmit={(event) => void save(event)} noValidate>
      {drafts.map((draft, index) => (
        <CheckCard
          key={index}
          draft={draft}
          index={index}
          error={error?.index === index ? error.message : undefined}
          onChange={(next) => change(index, next)}
        />
      ))}
      <div class="check-add">
        <label class="field">
          <span class="field-label">{t('checks.addKind')}</span>
          <select value={kind} onChange={(event) => setKind(kindOf(event.currentTarget.value))}>
            {CHECK_KINDS.map((each) => (
              <option key={each} value={each}>
                {checkKindLabel(each)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          onClick={() =>
            setDrafts((previous) => [
              ...previous,
              newCheck(
                kind,
                previous.map((draft) => draft.id),
              ),
            ])
          }
        >
          {t('checks.add')}
        </button>
      </div>
      {error && error.index === null && (
        <p class="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div class="modal-actions">
        <button type="button" class="button button-quiet" onClick={() => props.onDone(false)}>
          {t('checks.cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
          {t(saving ? 'checks.working' : 'checks.save')}
        </button>
      </div>
    </form>
  );
}

const kindOf = (value: string): CheckKind => CHECK_KINDS.find((each) => each === value) ?? 'disk_usage';

function CheckCard(props: {
  draft: CheckDraft;
  index: number;
  error: string | undefined;
  onChange: (next: CheckDraft | null) => void;
}) {
  const { draft, index } = props;
  const legend = `${checkKindLabel(draft.kind)} · ${draft.id}`;
  return (
    <fieldset class={`check-card${props.error ? ' check-card-invalid' : ''}`} data-check-card={index}>
      <legend>{legend}</legend>
      <div class="form-grid">
        {fieldsOf(draft.kind).map((field) => (
          <CheckFieldInput
            key={field.name}
            id={`check-${index}-${field.name}`}
            field={field}
            draft={draft}
            onChange={props.onChange}
          />
        ))}
      </div>
      {props.error && (
        <p class="field-error" role="alert" id={`check-${index}-error`}>
          {props.error}
        </p>
      )}
      <button
        type="button"
        class="button button-small button-quiet"
        aria-label={t('checks.removeNamed', { id: draft.id })}
        onClick={() => props.onChange(null)}
      >
        {t('checks.remove')}
      </button>
    </fieldset>
  );
}

function CheckFieldInput(props: {
  id: string;
  field: CheckField;
  draft: CheckDraft;
  onChange: (next: CheckDraft) => void;
}) {
  const { id, field, draft } = props;
  const value = draft[field.name];
  if (field.kind === 'boolean') {
    return (
      <label class="field field-check" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(event) => props.onChange(withField(draft, field, event.currentTarget.checked))}
        />
        <span class="field-label">{checkFieldLabel(field.name)}</span>
      </label>
    );
  }
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {checkFieldLabel(field.name)}
      </label>
      {field.kind === 'number' ? (
        <input
          id={id}
          type="number"
          {...(field.min !== undefined ? { min: field.min } : {})}
          {...(field.max !== undefined ? { max: field.max } : {})}
          step="any"
          value={settingText(value)}
          onInput={(event) => props.onChange(withField(draft, field, event.currentTarget.value))}
        />
      ) : (
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={settingText(value)}
          onInput={(event) => props.onChange(withField(draft, field, event.currentTarget.value))}
        />
      )}
    </div>
  );
}
