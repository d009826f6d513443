// One field per parameter the script declares, built from its header: a yes/no choice for a
// boolean, a number-friendly field for an integer, a line of text otherwise. An empty field means
// the declared default (shown as the placeholder); a parameter without one is required.
import type { ScriptParam } from '../../../../protocol/api/scripts.js';
import { t } from '../../i18n/index.js';
import { isRequired } from '../../state/run-form.js';
import { Field } from '../schedules/field.js';

export function ArgFields(props: {
  params: readonly ScriptParam[];
  args: Record<string, string>;
  errors: Record<string, string | undefined>;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <fieldset class="form-fieldset">
      <legend>{t('run.args')}</legend>
      <div class="form-grid">
        {props.params.map((param) => (
          <Field
            key={param.name}
            id={`run-arg-${param.name}`}
            label={isRequired(param) ? t('run.argRequired', { name: param.name }) : param.name}
            hint={hintOf(param)}
            error={props.errors[param.name]}
          >
            <ArgInput param={param} value={props.args[param.name] ?? ''} onChange={props.onChange} />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

function ArgInput(props: { param: ScriptParam; value: string; onChange: (name: string, value: string) => void }) {
  const { param } = props;
  const id = `run-arg-${param.name}`;
  const change = (value: string) => props.onChange(param.name, value);
  if (param.type === 'boolean') {
    return (
      <select id={id} class="input" value={props.value} onChange={(event) => change(event.currentTarget.value)}>
        <option value="">
          {param.default === null ? t('run.choose') : t('run.argDefault', { value: yesNo(param.default) })}
        </option>
        <option value="1">{t('run.yes')}</option>
        <option value="0">{t('run.no')}</option>
      </select>
    );
  }
  if (param.type === 'integer') {
    return (
      <input
        id={id}
        class="input"
        inputMode="numeric"
        autoComplete="off"
        required={isRequired(param)}
        placeholder={param.default ?? ''}
        value={props.value}
        onInput={(event) => change(event.currentTarget.value)}
      />
    );
  }
  return (
    <input
      id={id}
      class={`input${param.type === 'path' ? ' input-mono' : ''}`}
      autoComplete="off"
      spellcheck={false}
      required={isRequired(param)}
      placeholder={param.default ?? ''}
      value={props.value}
      onInput={(event) => change(event.currentTarget.value)}
    />
  );
}

const yesNo = (value: string) => (value === '1' ? t('run.yes') : value === '0' ? t('run.no') : value);

function hintOf(param: ScriptParam): string {
  const kind = t(`run.type.${param.type}`);
  const shown = param.type === 'boolean' ? yesNo(param.default ?? '') : param.default || '""';
  const fallback = param.default === null ? '' : t('run.argDefault', { value: shown });
  return [param.description, kind, fallback].filter(Boolean).join(' · ');
}
