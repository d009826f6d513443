// Adding a user: name, role, the support line of a technician, and a password or none (the
// server then makes one, shown once here). The server's refusal shows next to the field it names.
import { useState } from 'preact/hooks';
import type { CreateUserRequest } from '../../../../protocol/api/auth.js';
import type { Role } from '../../../../protocol/api/common.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';
import { CopyButton } from './copy-button.js';

type Errors = Partial<Record<'name' | 'password' | 'form', string>>;
type Line = 1 | 2 | 3;

export function UserDialog(props: { onClose: (added: boolean) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [line, setLine] = useState<Line>(1);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [generated, setGenerated] = useState<{ name: string; password: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password !== '' && password.length < 10) return setErrors({ password: t('admin.userPasswordShort') });
    const body: CreateUserRequest = {
      name: name.trim(),
      role,
      ...(role === 'technician' ? { line } : {}),
      ...(password ? { password } : {}),
    };
    setSaving(true);
    try {
      const answer = await call(API.users.add, { body });
      if (answer.generatedPassword) setGenerated({ name: answer.user.name, password: answer.generatedPassword });
      else props.onClose(true);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      const field = /password/i.test(message) ? 'password' : /name|user/i.test(message) ? 'name' : 'form';
      setErrors({ [failure instanceof ApiRequestError ? field : 'form']: message });
    } finally {
      setSaving(false);
    }
  };

  if (generated) {
    return (
      <PasswordShown
        title={t('admin.userPasswordTitle', { name: generated.name })}
        password={generated.password}
        onClose={() => props.onClose(true)}
      />
    );
  }
  return (
    <Modal title={t('admin.userAdd')} onClose={() => props.onClose(false)}>
      <form class="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="user-name" label={t('admin.userName')} hint={t('admin.userNameHint')} error={errors.name}>
          <input
            id="user-name"
            class="input"
            required
            autoComplete="off"
            maxLength={64}
            value={name}
            onInput={(event) => {
              setName(event.currentTarget.value);
              setErrors({});
            }}
          />
        </Field>
        <div class="form-row">
          <Field id="user-role" label={t('admin.userRole')}>
            <select
              id="user-role"
              class="input"
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              <option value="technician">{t('admin.roleTechnician')}</option>
              <option value="viewer">{t('role.viewer')}</option>
              <option value="admin">{t('role.admin')}</option>
            </select>
          </Field>
          {role === 'technician' && (
            <Field id="user-line" label={t('admin.userLine')}>
              <select
                id="user-line"
                class="input"
                value={String(line)}
                onChange={(event) => setLine(Number(event.currentTarget.value) as Line)}
              >
                {[1, 2, 3].map((each) => (
                  <option key={each} value={String(each)}>
                    {t('admin.lineNumber', { line: each })}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        <Field
          id="user-password"
          label={t('admin.userPassword')}
          hint={t('admin.userPasswordHint')}
          error={errors.password}
        >
          <input
            id="user-password"
            class="input"
            type="password"
            autoComplete="new-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </Field>
        <FieldError id="user-form-error" message={errors.form} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? t('common.working') : t('admin.userAdd')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A password the server made, shown this once to pass on to its owner. */
export function PasswordShown(props: { title: string; password: string; onClose: () => void }) {
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p class="modal-text">{t('admin.userPasswordOnce')}</p>
      <pre class="secret-box" aria-label={t('admin.userPassword')}>
        {props.password}
      </pre>
      <div class="modal-actions modal-actions-spread">
        <CopyButton text={props.password} label={t('admin.copyPassword')} />
        <button type="button" class="button button-primary" onClick={props.onClose}>
          {t('admin.done')}
        </button>
      </div>
    </Modal>
  );
}
