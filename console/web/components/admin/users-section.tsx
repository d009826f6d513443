// Users and roles: every account with its role, support line and state; adding one, resetting a
// password (the new one shown once) and disabling or enabling an account.
import { useState } from 'preact/hooks';
import type { UserView } from '../../../../protocol/api/auth.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/labels.js';
import { useLoad } from '../../state/load.js';
import { session } from '../../state/session.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { RelativeTime } from '../relative-time.js';
import { describeError } from '../states.js';
import { AdminSection } from './admin-section.js';
import { PasswordShown, UserDialog } from './user-dialog.js';

export function UsersSection() {
  const { state, reload } = useLoad(() => call(API.users.list), []);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [password, setPassword] = useState<{ name: string; password: string } | null>(null);
  const me = session.value.kind === 'signedIn' ? session.value.user.name : null;
  return (
    <AdminSection
      title={t('admin.users')}
      intro={t('admin.usersIntro')}
      action={
        <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
          {t('admin.userAdd')}
        </button>
      }
      state={state}
      reload={reload}
      empty={t('admin.usersEmpty')}
      content={(data) => (
        <div class="table-scroll">
          <table class="table table-compact wrap-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.colUser')}</th>
                <th scope="col">{t('admin.colRole')}</th>
                <th scope="col">{t('admin.colState')}</th>
                <th scope="col">{t('admin.colCreated')}</th>
                <th scope="col">{t('admin.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((user) => (
                <UserRow
                  key={user.name}
                  user={user}
                  self={user.name === me}
                  onChanged={reload}
                  onReset={setResetting}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      {adding && (
        <UserDialog
          onClose={(added) => {
            setAdding(false);
            if (added) reload();
          }}
        />
      )}
      {resetting && (
        <ConfirmDialog
          title={t('admin.userResetTitle')}
          question={t('admin.userResetConfirm', { name: resetting.name })}
          confirmLabel={t('admin.userReset')}
          onConfirm={async () => {
            const answer = await call(API.users.resetPassword, { params: { name: resetting.name } });
            setPassword({ name: answer.user.name, password: answer.generatedPassword });
          }}
          onClose={() => setResetting(null)}
        />
      )}
      {password && (
        <PasswordShown
          title={t('admin.userPasswordTitle', { name: password.name })}
          password={password.password}
          onClose={() => setPassword(null)}
        />
      )}
    </AdminSection>
  );
}

function UserRow(props: { user: UserView; self: boolean; onChanged: () => void; onReset: (user: UserView) => void }) {
  const { user } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(user.disabled ? API.users.enable : API.users.disable, { params: { name: user.name } });
      props.onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-user={user.name}>
      <td class="cell-name">
        {user.name}
        {props.self && <span class="cell-secondary"> {t('admin.userYou')}</span>}
      </td>
      <td>{roleLabel(user)}</td>
      <td>
        <span class={`badge ${user.disabled ? 'badge-revoked' : 'badge-active'}`}>
          {t(user.disabled ? 'admin.userDisabled' : 'admin.userActive')}
        </span>
      </td>
      <td>
        <RelativeTime iso={user.createdAt} />
      </td>
      <td class="cell-actions">
        <button type="button" class="button button-small" onClick={() => props.onReset(user)}>
          {t('admin.userReset')}
        </button>{' '}
        {!props.self && (
          <button
            type="button"
            class={`button button-small${user.disabled ? '' : ' button-danger'}`}
            disabled={busy}
            onClick={() => void toggle()}
          >
            {t(user.disabled ? 'admin.userEnable' : 'admin.userDisable')}
          </button>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
