// /checks and /checks/:group: every device group (those with PCs and those with a policy of their
// own) and one group's checks; admins edit them or return the group to the default. The server
// sends a changed policy to the group's online agents at once, as it does for the CLI.
import { useState } from 'preact/hooks';
import { STAFF } from '../../../protocol/api/access.js';
import { API, call } from '../api.js';
import { CheckEditor } from '../components/checks/check-editor.js';
import { CheckTable } from '../components/checks/check-table.js';
import { Link } from '../components/link.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { usePageTitle } from '../components/page-title.js';
import { RelativeTime } from '../components/relative-time.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';

export function ChecksPage(props: { group?: string }) {
  usePageTitle(props.group ? t('checks.groupTitle', { group: props.group }) : t('checks.pageTitle'));
  const state = session.value;
  const role = state.kind === 'signedIn' ? state.user.role : null;
  if (!role || !STAFF.includes(role)) {
    return (
      <section class="page" aria-labelledby="page-heading">
        <h1 id="page-heading">{t('checks.pageTitle')}</h1>
        <Empty title={t('checks.notAllowed')} />
      </section>
    );
  }
  return (
    <section class="page checks-page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">
          {props.group ? t('checks.groupTitle', { group: props.group }) : t('checks.pageTitle')}
        </h1>
      </header>
      <p class="page-intro">{t('checks.intro')}</p>
      <div class="checks-layout">
        <GroupList current={props.group} />
        {props.group && <GroupChecks key={props.group} group={props.group} admin={role === 'admin'} />}
      </div>
    </section>
  );
}

function GroupList(props: { current: string | undefined }) {
  const { state, reload } = useLoad(async () => {
    const [policies, devices] = await Promise.all([call(API.checkPolicies.list), call(API.devices.list)]);
    const own = new Set(policies.map((policy) => policy.group));
    const groups = new Set([...own, ...devices.map((device) => device.group)]);
    return [...groups].sort((a, b) => a.localeCompare(b)).map((group) => ({ group, own: own.has(group) }));
  }, [props.current]);
  const [typed, setTyped] = useState('');
  return (
    <nav class="checks-groups" aria-label={t('checks.groups')}>
      <h2>{t('checks.groups')}</h2>
      {state.kind === 'loading' && <Loading label={t('checks.loading')} />}
      {state.kind === 'failed' && <Failed title={t('checks.failed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <ul>
          {state.data.map(({ group, own }) => (
            <li key={group}>
              <Link href={`/checks/${encodeURIComponent(group)}`} current={group === props.current}>
                {group}
              </Link>{' '}
              {own && <span class="badge badge-active">{t('checks.ownPolicy')}</span>}
            </li>
          ))}
        </ul>
      )}
      <form
        class="checks-group-pick"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim()) navigate(`/checks/${encodeURIComponent(typed.trim())}`);
        }}
      >
        <label class="field">
          <span class="field-label">{t('checks.groupPick')}</span>
          <input value={typed} onInput={(event) => setTyped(event.currentTarget.value)} autoComplete="off" />
        </label>
        <button type="submit" class="button button-small">
          {t('checks.groupOpen')}
        </button>
      </form>
    </nav>
  );
}

function GroupChecks(props: { group: string; admin: boolean }) {
  const { state, reload } = useLoad(
    () => call(API.checkPolicies.show, { params: { group: props.group } }),
    [props.group],
  );
  const [mode, setMode] = useState<'view' | 'edit' | 'reset'>('view');
  const [notice, setNotice] = useState<string | null>(null);
  if (state.kind === 'loading') return <Loading label={t('checks.loading')} />;
  if (state.kind === 'failed') return <Failed title={t('checks.failed')} error={state.error} onRetry={reload} />;
  const view = state.data;
  return (
    <div class="checks-group">
      <div class="checks-group-head">
        <span class={`badge ${view.custom ? 'badge-active' : 'badge-pending'}`}>
          {t(view.custom ? 'checks.ownPolicy' : 'checks.defaultPolicy')}
        </span>
        <span>{t('checks.count', { count: view.policy.checks.length })}</span>
        {view.custom && view.updatedBy && view.updatedAt ? (
          <span class="cell-secondary">
            {t('checks.updated', { user: view.updatedBy })} · <RelativeTime iso={view.updatedAt} />
          </span>
        ) : (
          <span class="cell-secondary">{t('checks.runsDefault')}</span>
        )}
        {props.admin && mode === 'view' && (
          <span class="toolbar">
            <button type="button" class="button button-primary" onClick={() => setMode('edit')}>
              {t('checks.edit')}
            </button>
            {view.custom && (
              <button type="button" class="button" onClick={() => setMode('reset')}>
                {t('checks.reset')}
              </button>
            )}
          </span>
        )}
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {mode === 'edit' ? (
        <CheckEditor
          group={props.group}
          checks={view.policy.checks}
          onDone={(saved) => {
            setMode('view');
            if (saved) {
              setNotice(t('checks.saved', { group: props.group }));
              reload();
            }
          }}
        />
      ) : (
        <CheckTable checks={view.policy.checks} />
      )}
      {mode === 'reset' && (
        <ConfirmDialog
          title={t('checks.reset')}
          question={t('checks.resetConfirm', { group: props.group })}
          confirmLabel={t('checks.reset')}
          onConfirm={() => call(API.checkPolicies.reset, { params: { group: props.group } })}
          onClose={(done) => {
            setMode('view');
            if (done) {
              setNotice(t('checks.resetDone', { group: props.group }));
              reload();
            }
          }}
        />
      )}
    </div>
  );
}
