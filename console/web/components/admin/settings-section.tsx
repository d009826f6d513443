// Help-desk settings: the business calendar (time zone, opening hours, holidays) and the SLA
// targets per priority, saved with one PUT of the whole settings object. The server checks it
// as a whole; each of its complaints shows next to the part it is about.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HelpDeskSettings } from '../../../../protocol/api/help-desk-settings.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import {
  fieldsOfServerMessage,
  helpDeskFormOf,
  settingsOf,
  type HelpDeskField,
  type HelpDeskForm,
} from '../../state/help-desk-form.js';
import { useLoad } from '../../state/load.js';
import { knownTimeZones } from '../../state/schedule-form.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';
import { AdminSection } from './admin-section.js';
import { BusinessHoursFields, HolidaysField } from './business-hours-fields.js';
import { SlaTargetsFields } from './sla-targets-fields.js';

export function SettingsSection() {
  const { state, reload } = useLoad(() => call(API.settings.helpDesk), []);
  return (
    <AdminSection
      title={t('admin.helpDesk')}
      intro={t('admin.settingsIntro')}
      state={state}
      reload={reload}
      content={(settings) => <SettingsForm settings={settings} />}
    />
  );
}

function SettingsForm(props: { settings: HelpDeskSettings }) {
  // What the server holds now: the base of the next PUT, so untouched parts go back unchanged.
  const [base, setBase] = useState(props.settings);
  const [form, setForm] = useState<HelpDeskForm>(() => helpDeskFormOf(props.settings));
  const [errors, setErrors] = useState<Partial<Record<HelpDeskField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(knownTimeZones, []);
  const formRef = useRef<HTMLFormElement>(null);
  // The form is long and the Save button at its end: bring the first complaint into view.
  useEffect(() => {
    formRef.current?.querySelector('.field-error')?.scrollIntoView({ block: 'center' });
  }, [errors]);
  const change = (patch: Partial<HelpDeskForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors({});
    setSaved(false);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = settingsOf(form, base);
    if ('problem' in made) {
      const words = made.problem.problem === 'targetNotNumber' ? 'admin.targetNotNumber' : 'admin.holidayEmpty';
      return setErrors({ [made.problem.field]: t(words) });
    }
    setSaving(true);
    try {
      const answer = await call(API.settings.setHelpDesk, { body: made.settings });
      setBase(answer);
      setForm(helpDeskFormOf(answer));
      setSaved(true);
    } catch (failure) {
      setErrors(
        failure instanceof ApiRequestError ? fieldsOfServerMessage(failure.message) : { form: describeError(failure) },
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} class="admin-form settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field id="settings-zone" label={t('admin.timeZone')} hint={t('admin.timeZoneHint')} error={errors.timeZone}>
        <input
          id="settings-zone"
          class="input settings-zone"
          list="settings-zones"
          required
          autoComplete="off"
          value={form.timeZone}
          onInput={(event) => change({ timeZone: event.currentTarget.value })}
        />
        <datalist id="settings-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <BusinessHoursFields
        hours={form.hours}
        errors={errors}
        onChange={(day, intervals) => change({ hours: { ...form.hours, [day]: intervals } })}
      />
      <HolidaysField holidays={form.holidays} error={errors.holidays} onChange={(holidays) => change({ holidays })} />
      <SlaTargetsFields
        targets={form.targets}
        errors={errors}
        onChange={(priority, targets) => change({ targets: { ...form.targets, [`${priority}`]: targets } })}
      />
      <FieldError id="settings-form-error" message={errors.form} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('common.working') : t('admin.settingsSave')}
        </button>
        <span role="status" class="saved-note">
          {saved ? t('admin.settingsSaved') : ''}
        </span>
      </div>
    </form>
  );
}
