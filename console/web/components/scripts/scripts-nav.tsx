// The two halves of the Scripts section, the library and the jobs run from it, as links under the
// page heading: one item in the main navigation, both a click apart.
import { STAFF } from '../../../../protocol/api/access.js';
import { t } from '../../i18n/index.js';
import { route } from '../../state/router.js';
import { session } from '../../state/session.js';
import { Link } from '../link.js';

export function ScriptsNav() {
  const path = route.value;
  const jobs = path === '/jobs' || path.startsWith('/jobs/');
  return (
    <nav class="tabs" aria-label={t('scripts.sections')}>
      <Link href="/scripts" class="tab" current={!jobs}>
        {t('scripts.library')}
      </Link>
      {/* On the jobs list itself the tab keeps its filters: the list is already what it shows. */}
      <Link href={path === '/jobs' ? `/jobs${location.search}` : '/jobs'} class="tab" current={jobs}>
        {t('scripts.jobs')}
      </Link>
    </nav>
  );
}

/** What a viewer sees on these pages: the API would refuse them every script and job. */
export function StaffOnly(props: { title: string }) {
  return (
    <section class="page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{props.title}</h1>
      </header>
      <div class="state state-empty">
        <p class="state-title">{t('scripts.notAllowed')}</p>
      </div>
    </section>
  );
}

/** Whether the signed-in user may read scripts and jobs and run them (every route here is STAFF). */
export function isStaff(): boolean {
  const state = session.value;
  return state.kind === 'signedIn' && STAFF.includes(state.user.role);
}
