// Where a schedule runs: one device (picked from the fleet by name), a group or a tag.
import type { DeviceView } from '../../../../protocol/api/devices.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import type { ScheduleForm, TargetKind } from '../../state/schedule-form.js';
import { Field } from './field.js';

const KINDS: Array<[TargetKind, Parameters<typeof t>[0]]> = [
  ['group', 'schedules.formKindGroup'],
  ['tag', 'schedules.formKindTag'],
  ['device', 'schedules.formKindDevice'],
];

export function ScheduleTargetFields(props: {
  form: ScheduleForm;
  onChange: (patch: Partial<ScheduleForm>) => void;
  error: string | undefined;
}) {
  const { form, onChange } = props;
  return (
    <>
      <Field id="schedule-target-kind" label={t('schedules.formTargetKind')}>
        <select
          id="schedule-target-kind"
          class="input"
          value={form.targetKind}
          onChange={(event) => onChange({ targetKind: event.currentTarget.value as TargetKind, target: '' })}
        >
          {KINDS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {t(label)}
            </option>
          ))}
        </select>
      </Field>
      {form.targetKind === 'device' ? (
        <DevicePicker value={form.target} onChange={(target) => onChange({ target })} error={props.error} />
      ) : (
        <Field
          id="schedule-target"
          label={t(form.targetKind === 'group' ? 'schedules.formGroup' : 'schedules.formTag')}
          error={props.error}
        >
          <input
            id="schedule-target"
            class="input"
            required
            autoComplete="off"
            value={form.target}
            onInput={(event) => onChange({ target: event.currentTarget.value })}
          />
        </Field>
      )}
    </>
  );
}

function DevicePicker(props: { value: string; onChange: (id: string) => void; error: string | undefined }) {
  const { state } = useLoad(() => call(API.devices.list), []);
  const devices: DeviceView[] = state.kind === 'ready' ? [...state.data].sort(byName) : [];
  return (
    <Field id="schedule-target" label={t('schedules.formDevice')} error={props.error}>
      <select
        id="schedule-target"
        class="input"
        required
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{t('schedules.formDeviceChoose')}</option>
        {devices.map((device) => (
          <option key={device.id} value={device.id}>
            {device.name} ({device.group})
          </option>
        ))}
      </select>
    </Field>
  );
}

const byName = (a: DeviceView, b: DeviceView) => a.name.localeCompare(b.name);
