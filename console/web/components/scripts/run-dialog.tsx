// Running a script: on chosen devices, a group or a tag, with an argument for each declared
// parameter. The browser says what it can tell alone; the server checks again (unknown devices,
// an empty group, a value of the wrong type) and its words show next to the field they are
// about. After the run starts, the run view follows every device's job live.
import { useMemo, useState } from 'preact/hooks';
import type { ScriptVersionView } from '../../../../protocol/api/scripts.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { navigate } from '../../state/router.js';
import {
  emptyRunForm,
  fieldOfRunMessage,
  runRequestOf,
  type RunField,
  type RunForm,
  type RunProblem,
  type RunTargetKind,
} from '../../state/run-form.js';
import { Modal } from '../modal.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';
import { ArgFields } from './arg-fields.js';
import { DevicePicker, runnableDevices } from './device-picker.js';

const PROBLEM_WORDS: Record<RunProblem, MessageKey> = {
  noDevices: 'run.problemNoDevices',
  noGroup: 'run.problemNoGroup',
  noTag: 'run.problemNoTag',
  required: 'run.problemRequired',
  badValue: 'run.problemBadValue',
};

const KINDS: Array<[RunTargetKind, MessageKey]> = [
  ['devices', 'run.kindDevices'],
  ['group', 'run.kindGroup'],
  ['tag', 'run.kindTag'],
];

type Errors = Partial<Record<RunField, string>>;

export function RunDialog(props: {
  script: ScriptVersionView;
  onClose: () => void;
  /** From a ticket's page: its PC chosen already, and the run tied to the ticket. */
  forTicket?: { id: number; deviceId: string };
}) {
  const { script, forTicket } = props;
  const [form, setForm] = useState<RunForm>(() =>
    forTicket ? { ...emptyRunForm(), deviceIds: [forTicket.deviceId] } : emptyRunForm(),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const fleet = useLoad(() => call(API.devices.list), []).state;
  const devices = useMemo(() => (fleet.kind === 'ready' ? runnableDevices(fleet.data) : []), [fleet]);
  const groups = useMemo(() => [...new Set(devices.map((device) => device.group))].sort(), [devices]);
  const change = (patch: Partial<RunForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors({});
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = runRequestOf(script.name, script.params, form);
    if ('problems' in made) {
      const words: Errors = {};
      for (const [field, problem] of Object.entries(made.problems) as Array<[RunField, RunProblem]>)
        words[field] = t(PROBLEM_WORDS[problem], { type: typeOfField(field) });
      setErrors(words);
      return;
    }
    setSending(true);
    try {
      const run = await call(API.jobs.run, {
        body: forTicket ? { ...made.request, ticketId: forTicket.id } : made.request,
      });
      navigate(`/jobs?run=${encodeURIComponent(run.runId)}`);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      const field = failure instanceof ApiRequestError ? fieldOfRunMessage(message, script.params) : 'form';
      setErrors({ [field]: message });
      setSending(false);
    }
  };
  const typeOfField = (field: RunField) => {
    const param = script.params.find((each) => `arg:${each.name}` === field);
    return param ? t(`run.type.${param.type}`) : '';
  };
  const argErrors = Object.fromEntries(script.params.map((param) => [param.name, errors[`arg:${param.name}`]]));

  return (
    <Modal title={t('run.title', { name: script.name })} onClose={props.onClose} wide>
      <form class="run-form" onSubmit={(event) => void submit(event)} noValidate>
        <p class="modal-text">{t('run.intro', { version: script.version, platforms: script.platforms.join(', ') })}</p>
        <Field id="run-target-kind" label={t('run.targetKind')}>
          <select
            id="run-target-kind"
            class="input"
            value={form.targetKind}
            onChange={(event) => change({ targetKind: event.currentTarget.value as RunTargetKind })}
          >
            {KINDS.map(([kind, label]) => (
              <option key={kind} value={kind}>
                {t(label)}
              </option>
            ))}
          </select>
        </Field>
        {form.targetKind === 'devices' && (
          <DevicePicker
            devices={devices}
            chosen={form.deviceIds}
            onChange={(deviceIds) => change({ deviceIds })}
            error={errors.target}
          />
        )}
        {form.targetKind === 'group' && (
          <Field id="run-group" label={t('run.group')} hint={t('run.groupHint')} error={errors.target}>
            <input
              id="run-group"
              class="input"
              list="run-groups"
              autoComplete="off"
              required
              value={form.group}
              onInput={(event) => change({ group: event.currentTarget.value })}
            />
            <datalist id="run-groups">
              {groups.map((group) => (
                <option key={group} value={group} />
              ))}
            </datalist>
          </Field>
        )}
        {form.targetKind === 'tag' && (
          <Field id="run-tag" label={t('run.tag')} hint={t('run.tagHint')} error={errors.target}>
            <input
              id="run-tag"
              class="input"
              autoComplete="off"
              required
              value={form.tag}
              onInput={(event) => change({ tag: event.currentTarget.value })}
            />
          </Field>
        )}
        {script.params.length > 0 && (
          <ArgFields
            params={script.params}
            args={form.args}
            errors={argErrors}
            onChange={(name, value) => change({ args: { ...form.args, [name]: value } })}
          />
        )}
        <FieldError id="run-form-error" message={errors.form} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={sending} aria-busy={sending}>
            {t(sending ? 'run.starting' : 'run.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
