// Adding a schedule: the script and its parameters, where it runs, and when — the cron
// expression read back in words with its next five runs in the chosen zone, so a wrong
// expression is seen before it is saved. The server checks everything again; what it refuses
// shows next to the field it is about.
import { useMemo, useState } from 'preact/hooks';
import type { ScriptVersionView } from '../../../../protocol/api/scripts.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { locale, t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import {
  emptyScheduleForm,
  fieldOfServerMessage,
  knownTimeZones,
  scheduleRequestOf,
  type ScheduleForm,
} from '../../state/schedule-form.js';
import { Modal } from '../modal.js';
import { describeError } from '../states.js';
import { CronPreviewPanel } from './cron-preview.js';
import { Field, FieldError } from './field.js';
import { ScheduleTargetFields } from './schedule-target.js';

type Errors = Partial<Record<keyof ScheduleForm | 'form', string>>;

export function ScheduleDialog(props: { onClose: (added: boolean) => void }) {
  const [form, setForm] = useState<ScheduleForm>(emptyScheduleForm);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const scripts = useLoad(() => call(API.scripts.list), []).state;
  const script: ScriptVersionView | undefined =
    scripts.kind === 'ready' ? scripts.data.find((each) => each.name === form.script) : undefined;
  const change = (patch: Partial<ScheduleForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors({});
  };
  const zones = useMemo(knownTimeZones, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = scheduleRequestOf(form);
    if ('problem' in made) {
      const field = made.problem === 'windowBoth' ? 'windowStart' : 'spread';
      setErrors({ [field]: t(made.problem === 'windowBoth' ? 'schedules.formWindowBoth' : 'schedules.formSpreadBad') });
      return;
    }
    setSaving(true);
    try {
      await call(API.schedules.add, { body: made.request });
      props.onClose(true);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      const field = failure instanceof ApiRequestError ? fieldOfServerMessage(message) : null;
      setErrors({ [field ?? 'form']: message });
      setSaving(false);
    }
  };

  return (
    <Modal title={t('schedules.add')} onClose={() => props.onClose(false)} wide>
      <form class="schedule-form" onSubmit={(event) => void submit(event)} noValidate>
        <div class="form-grid">
          <Field
            id="schedule-name"
            label={t('schedules.formName')}
            hint={t('schedules.formNameHint')}
            error={errors.name}
          >
            <input
              id="schedule-name"
              class="input"
              required
              maxLength={100}
              value={form.name}
              onInput={(event) => change({ name: event.currentTarget.value })}
            />
          </Field>
          <Field id="schedule-script" label={t('schedules.formScript')} error={errors.script}>
            <select
              id="schedule-script"
              class="input"
              required
              value={form.script}
              onChange={(event) => change({ script: event.currentTarget.value, args: {} })}
            >
              <option value="">{t('schedules.formScriptChoose')}</option>
              {scripts.kind === 'ready' &&
                scripts.data.map((each) => (
                  <option key={each.name} value={each.name}>
                    {each.name} — {each.description}
                  </option>
                ))}
            </select>
          </Field>
          <ScheduleTargetFields form={form} onChange={change} error={errors.target} />
          <Field
            id="schedule-cron"
            label={t('schedules.formCron')}
            hint={t('schedules.formCronHint')}
            error={errors.cron}
          >
            <input
              id="schedule-cron"
              class="input input-mono"
              required
              spellcheck={false}
              autoComplete="off"
              value={form.cron}
              onInput={(event) => change({ cron: event.currentTarget.value })}
            />
          </Field>
          <Field id="schedule-zone" label={t('schedules.formZone')} error={errors.timeZone}>
            <input
              id="schedule-zone"
              class="input"
              list="schedule-zones"
              required
              autoComplete="off"
              value={form.timeZone}
              onInput={(event) => change({ timeZone: event.currentTarget.value })}
            />
            <datalist id="schedule-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </Field>
        </div>
        <CronPreviewPanel cron={form.cron} timeZone={form.timeZone} locale={locale.value} />
        <div class="form-grid">
          <Field
            id="schedule-window-start"
            label={t('schedules.formWindowStart')}
            hint={t('schedules.formWindowHint')}
            error={errors.windowStart}
          >
            <input
              id="schedule-window-start"
              class="input"
              type="time"
              value={form.windowStart}
              onInput={(event) => change({ windowStart: event.currentTarget.value })}
            />
          </Field>
          <Field id="schedule-window-end" label={t('schedules.formWindowEnd')}>
            <input
              id="schedule-window-end"
              class="input"
              type="time"
              value={form.windowEnd}
              onInput={(event) => change({ windowEnd: event.currentTarget.value })}
            />
          </Field>
          <Field
            id="schedule-spread"
            label={t('schedules.formSpread')}
            hint={t('schedules.formSpreadHint')}
            error={errors.spread}
          >
            <input
              id="schedule-spread"
              class="input"
              type="number"
              min={0}
              max={1440}
              value={form.spread}
              onInput={(event) => change({ spread: event.currentTarget.value })}
            />
          </Field>
        </div>
        {script && script.params.length > 0 && (
          <fieldset class="form-fieldset">
            <legend>{t('schedules.formArgs')}</legend>
            <div class="form-grid">
              {script.params.map((param) => (
                <Field
                  key={param.name}
                  id={`schedule-arg-${param.name}`}
                  label={param.name}
                  hint={[
                    param.description,
                    param.default !== null ? t('schedules.formArgDefault', { value: param.default }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                >
                  <input
                    id={`schedule-arg-${param.name}`}
                    class="input"
                    inputMode={param.type === 'integer' ? 'numeric' : undefined}
                    value={form.args[param.name] ?? ''}
                    placeholder={param.default ?? ''}
                    onInput={(event) => change({ args: { ...form.args, [param.name]: event.currentTarget.value } })}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
        )}
        <FieldError id="schedule-form-error" message={errors.form} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('schedules.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
            {t(saving ? 'schedules.working' : 'schedules.formSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
