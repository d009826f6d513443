// The SLA targets per priority: how soon a first response and a resolution are due, each in
// minutes or hours of business time (the calendar above).
import { PRIORITIES, type Priority } from '../../../../protocol/api/sla.js';
import { t } from '../../i18n/index.js';
import type {
  HelpDeskField,
  HelpDeskForm,
  PriorityTargets,
  TargetAmount,
  TargetUnit,
} from '../../state/help-desk-form.js';
import { FieldError } from '../schedules/field.js';

export function SlaTargetsFields(props: {
  targets: HelpDeskForm['targets'];
  errors: Partial<Record<HelpDeskField, string>>;
  onChange: (priority: Priority, targets: PriorityTargets) => void;
}) {
  return (
    <fieldset class="form-fieldset">
      <legend>{t('admin.targetsLegend')}</legend>
      <p class="field-hint">{t('admin.targetsHint')}</p>
      <table class="table table-compact wrap-table targets-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.colPriority')}</th>
            <th scope="col">{t('admin.firstResponse')}</th>
            <th scope="col">{t('admin.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((priority) => {
            const entry = props.targets[`${priority}`];
            const error = props.errors[`target-${priority}`];
            return (
              <tr key={priority} data-priority={priority} class={error ? 'field-invalid' : undefined}>
                <th scope="row">{t('admin.priority', { priority })}</th>
                <td>
                  <Amount
                    label={t('admin.firstResponseFor', { priority })}
                    value={entry.firstResponse}
                    onChange={(firstResponse) => props.onChange(priority, { ...entry, firstResponse })}
                  />
                  <FieldError id={`target-${priority}-error`} message={error} />
                </td>
                <td>
                  <Amount
                    label={t('admin.resolutionFor', { priority })}
                    value={entry.resolution}
                    onChange={(resolution) => props.onChange(priority, { ...entry, resolution })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

function Amount(props: { label: string; value: TargetAmount; onChange: (value: TargetAmount) => void }) {
  return (
    <span class="amount">
      <input
        class="input"
        type="number"
        min={1}
        aria-label={props.label}
        value={props.value.amount}
        onInput={(event) => props.onChange({ ...props.value, amount: event.currentTarget.value })}
      />
      <select
        class="input"
        aria-label={t('admin.unitFor', { what: props.label })}
        value={props.value.unit}
        onChange={(event) => props.onChange({ ...props.value, unit: event.currentTarget.value as TargetUnit })}
      >
        <option value="minutes">{t('admin.unitMinutes')}</option>
        <option value="hours">{t('admin.unitHours')}</option>
      </select>
    </span>
  );
}
