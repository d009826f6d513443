// /scripts: the script library, one row per variant (a script may have one for Linux and another
// for Windows under the same name), its newest version and how many parameters it declares.
// Staff only, as the API.
import { useState } from 'preact/hooks';
import { ADMIN } from '../../../protocol/api/access.js';
import type { ScriptVersionView } from '../../../protocol/api/scripts.js';
import { API, call } from '../api.js';
import { Link } from '../components/link.js';
import { AddScriptDialog } from '../components/scripts/add-script-dialog.js';
import { usePageTitle } from '../components/page-title.js';
import { isStaff, ScriptsNav, StaffOnly } from '../components/scripts/scripts-nav.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';
import '../styles/scripts.css';

export function ScriptsPage() {
  usePageTitle(t('scripts.pageTitle'));
  if (!isStaff()) return <StaffOnly title={t('scripts.pageTitle')} />;
  return <Library />;
}

function Library() {
  const { state, reload } = useLoad(() => call(API.scripts.list), []);
  const [adding, setAdding] = useState(false);
  const signedIn = session.value;
  // Adding is the API's ADMIN route: nobody else sees the button.
  const admin = signedIn.kind === 'signedIn' && ADMIN.includes(signedIn.user.role);
  return (
    <section class="page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('scripts.pageTitle')}</h1>
        <div class="toolbar">
          {state.kind === 'ready' && <span class="count">{t('scripts.count', { count: state.data.length })}</span>}
          {admin && (
            <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
              {t('addScript.title')}
            </button>
          )}
        </div>
      </header>
      <ScriptsNav />
      <p class="page-intro">{t('scripts.intro')}</p>
      {state.kind === 'loading' && <Loading label={t('scripts.loading')} />}
      {state.kind === 'failed' && <Failed title={t('scripts.failed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.data.length === 0 && (
        <Empty title={t('scripts.empty')}>
          <p class="state-body">{t('scripts.emptyHint')}</p>
        </Empty>
      )}
      {state.kind === 'ready' && state.data.length > 0 && <LibraryTable scripts={state.data} />}
      {adding && <AddScriptDialog onClose={() => setAdding(false)} />}
    </section>
  );
}

function LibraryTable(props: { scripts: ScriptVersionView[] }) {
  return (
    <div class="table-scroll">
      <table class="table table-compact wrap-table scripts-table">
        <thead>
          <tr>
            <th scope="col">{t('scripts.colName')}</th>
            <th scope="col">{t('scripts.colDescription')}</th>
            <th scope="col">{t('scripts.colPlatforms')}</th>
            <th scope="col">{t('scripts.colInterpreter')}</th>
            <th scope="col" class="cell-numeric">
              {t('scripts.colVersion')}
            </th>
            <th scope="col" class="cell-numeric">
              {t('scripts.colParams')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.scripts.map((script) => (
            <tr key={`${script.name} ${script.platforms.join()}`} data-script={script.name}>
              <td class="cell-name">
                <Link href={scriptHref(script)}>{script.name}</Link>
              </td>
              <td>{script.description}</td>
              <td>{script.platforms.join(', ')}</td>
              <td>
                <code>{script.interpreter}</code>
              </td>
              <td class="cell-numeric">{script.version}</td>
              <td class="cell-numeric">{script.params.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A variant's page: the name, and its platform when the name has several variants. */
const scriptHref = (script: ScriptVersionView) =>
  `/scripts/${encodeURIComponent(script.name)}?platform=${encodeURIComponent(script.platforms[0]!)}`;
