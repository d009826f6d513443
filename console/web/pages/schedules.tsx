// /schedules: every schedule with its next run, and adding, pausing, resuming and removing them.
// Staff only, as the API: a viewer is told so instead of seeing a failed load.
import { useState } from 'preact/hooks';
import { STAFF } from '../../../protocol/api/access.js';
import { API, call } from '../api.js';
import { usePageTitle } from '../components/page-title.js';
import { ScheduleDialog } from '../components/schedules/schedule-dialog.js';
import { ScheduleTable } from '../components/schedules/schedule-table.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';

export function SchedulesPage() {
  usePageTitle(t('schedules.pageTitle'));
  const state = session.value;
  const staff = state.kind === 'signedIn' && STAFF.includes(state.user.role);
  return (
    <section class="page" aria-labelledby="page-heading">
      {staff ? (
        <SchedulesList />
      ) : (
        <>
          <header class="page-header">
            <h1 id="page-heading">{t('schedules.pageTitle')}</h1>
          </header>
          <Empty title={t('schedules.notAllowed')} />
        </>
      )}
    </section>
  );
}

function SchedulesList() {
  const { state, reload } = useLoad(() => call(API.schedules.list), []);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <header class="page-header">
        <h1 id="page-heading">{t('schedules.pageTitle')}</h1>
        <div class="toolbar">
          {state.kind === 'ready' && <span class="count">{t('schedules.count', { count: state.data.length })}</span>}
          <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
            {t('schedules.add')}
          </button>
        </div>
      </header>
      <p class="page-intro">{t('schedules.intro')}</p>
      {state.kind === 'loading' && <Loading label={t('schedules.loading')} />}
      {state.kind === 'failed' && <Failed title={t('schedules.failed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.data.length === 0 && (
        <Empty title={t('schedules.empty')}>
          <p class="state-body">{t('schedules.emptyHint')}</p>
        </Empty>
      )}
      {state.kind === 'ready' && state.data.length > 0 && <ScheduleTable schedules={state.data} onChanged={reload} />}
      {adding && (
        <ScheduleDialog
          onClose={(added) => {
            setAdding(false);
            if (added) reload();
          }}
        />
      )}
    </>
  );
}
