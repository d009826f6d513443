// Making an enrollment token: the group the PCs join, how long it is valid, how many PCs may use
// it and whether they wait for approval. The secret comes back once: the dialog then shows the
// enroll command to copy, and it cannot be shown again after the dialog closes.
import { useState } from 'preact/hooks';
import type { CreateEnrollmentTokenRequest } from '../../../../protocol/api/enrollment-tokens.js';
import { enrollCommand } from '../../../../protocol/enroll-command.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';
import { CopyButton } from './copy-button.js';

type Errors = Partial<Record<'group' | 'ttl' | 'uses' | 'form', string>>;
const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86_400 } as const;
type TtlUnit = keyof typeof UNIT_SECONDS;

export function TokenDialog(props: { onClose: (made: boolean) => void; onMade: () => void }) {
  const [group, setGroup] = useState('');
  const [ttl, setTtl] = useState('24');
  const [unit, setUnit] = useState<TtlUnit>('hours');
  const [uses, setUses] = useState('1');
  const [approval, setApproval] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [token, setToken] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const ttlNumber = Number(ttl.trim());
    const usesNumber = Number(uses.trim());
    if (!Number.isInteger(ttlNumber) || ttlNumber < 1) return setErrors({ ttl: t('admin.wholeNumber') });
    if (!Number.isInteger(usesNumber) || usesNumber < 1) return setErrors({ uses: t('admin.wholeNumber') });
    const body: CreateEnrollmentTokenRequest = {
      ttlSeconds: ttlNumber * UNIT_SECONDS[unit],
      uses: usesNumber,
      approval,
      ...(group.trim() ? { group: group.trim() } : {}),
    };
    setSaving(true);
    try {
      const created = await call(API.enrollment.createToken, { body });
      setToken(created.token);
      props.onMade();
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      setErrors({ [fieldOf(message)]: message });
    } finally {
      setSaving(false);
    }
  };

  if (token !== null) {
    const command = enrollCommand(token);
    return (
      <Modal title={t('admin.tokenMade')} onClose={() => props.onClose(true)} wide>
        <p class="modal-text">{t('admin.tokenShownOnce')}</p>
        <pre class="secret-box" aria-label={t('admin.enrollCommand')}>
          {command}
        </pre>
        <div class="modal-actions modal-actions-spread">
          <CopyButton text={command} label={t('admin.copyCommand')} />
          <button type="button" class="button button-primary" onClick={() => props.onClose(true)}>
            {t('admin.done')}
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title={t('admin.tokenMake')} onClose={() => props.onClose(false)}>
      <form class="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="token-group" label={t('admin.tokenGroup')} hint={t('admin.tokenGroupHint')} error={errors.group}>
          <input
            id="token-group"
            class="input"
            autoComplete="off"
            maxLength={64}
            value={group}
            onInput={(event) => setGroup(event.currentTarget.value)}
          />
        </Field>
        <div class="form-row">
          <Field id="token-ttl" label={t('admin.tokenTtl')} hint={t('admin.tokenTtlHint')} error={errors.ttl}>
            <input
              id="token-ttl"
              class="input"
              type="number"
              min={1}
              value={ttl}
              onInput={(event) => setTtl(event.currentTarget.value)}
            />
          </Field>
          <Field id="token-ttl-unit" label={t('admin.unit')}>
            <select
              id="token-ttl-unit"
              class="input"
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value as TtlUnit)}
            >
              <option value="minutes">{t('admin.unitMinutes')}</option>
              <option value="hours">{t('admin.unitHours')}</option>
              <option value="days">{t('admin.unitDays')}</option>
            </select>
          </Field>
        </div>
        <Field id="token-uses" label={t('admin.tokenUsesLabel')} error={errors.uses}>
          <input
            id="token-uses"
            class="input"
            type="number"
            min={1}
            value={uses}
            onInput={(event) => setUses(event.currentTarget.value)}
          />
        </Field>
        <label class="check">
          <input type="checkbox" checked={approval} onChange={(event) => setApproval(event.currentTarget.checked)} />
          {t('admin.tokenApproval')}
        </label>
        <FieldError id="token-form-error" message={errors.form} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? t('common.working') : t('admin.tokenMake')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Which field the server's refusal names: its messages point at the body's fields by path. */
function fieldOf(message: string): keyof Errors {
  if (/group/i.test(message)) return 'group';
  if (/ttl/i.test(message)) return 'ttl';
  if (/uses/i.test(message)) return 'uses';
  return 'form';
}
