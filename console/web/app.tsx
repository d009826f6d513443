// The console: the sign-in page while signed out, otherwise the page for the address.
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { UserView } from '../../protocol/api/auth.js';
import { lazyPage } from './components/lazy-page.js';
import { Layout } from './components/layout.js';
import { Failed, Loading } from './components/states.js';
import { t } from './i18n/index.js';
import { DevicesPage } from './pages/devices.js';
import { LoginPage } from './pages/login.js';
import { NotFoundPage } from './pages/not-found.js';
import { isAdminSection } from './state/admin-sections.js';
import { isDeviceSection } from './state/device-sections.js';
import { navigate, pageRoute, route } from './state/router.js';
import { startLive, stopLive } from './state/live.js';
import { checkSession, session } from './state/session.js';

export function App() {
  useEffect(() => {
    void checkSession();
  }, []);
  const state = session.value;
  if (state.kind === 'checking') return <Loading label={t('common.loading')} />;
  if (state.kind === 'unreachable') {
    return (
      <main class="login" id="content">
        <Failed title={t('app.name')} error={state.error} onRetry={() => void checkSession()} />
      </main>
    );
  }
  if (state.kind === 'signedOut') return <LoginPage notice={state.notice} />;
  return <SignedIn user={state.user} />;
}

function SignedIn(props: { user: UserView }) {
  const path = route.value;
  // A layout effect runs before the page is painted, so `/` never shows the not-found page on its way.
  useLayoutEffect(() => {
    if (path === '/' || path === '') navigate('/devices', { replace: true });
  }, [path]);
  // The tab's live stream, for as long as someone is signed in here.
  useEffect(() => {
    startLive();
    return stopLive;
  }, [props.user.name]);
  return <Layout user={props.user}>{pageFor(path)}</Layout>;
}

// Loaded when first opened: the fleet page is what most visits show first.
const DevicePage = lazyPage(() => import('./pages/device.js').then((module) => module.DevicePage));
const ShellPage = lazyPage(() => import('./pages/shell.js').then((module) => module.ShellPage));
const RecordingPage = lazyPage(() => import('./pages/recording.js').then((module) => module.RecordingPage));
const ChecksPage = lazyPage(() => import('./pages/checks.js').then((module) => module.ChecksPage));
const TicketPage = lazyPage(() => import('./pages/ticket.js').then((module) => module.TicketPage));
const TicketsPage = lazyPage(() => import('./pages/tickets.js').then((module) => module.TicketsPage));
const ScriptsPage = lazyPage(() => import('./pages/scripts.js').then((module) => module.ScriptsPage));
const ScriptPage = lazyPage(() => import('./pages/script.js').then((module) => module.ScriptPage));
const JobsPage = lazyPage(() => import('./pages/jobs.js').then((module) => module.JobsPage));
const JobPage = lazyPage(() => import('./pages/job.js').then((module) => module.JobPage));
const SchedulesPage = lazyPage(() => import('./pages/schedules.js').then((module) => module.SchedulesPage));
const KbPage = lazyPage(() => import('./pages/kb.js').then((module) => module.KbPage));
const KbArticlePage = lazyPage(() => import('./pages/kb-article.js').then((module) => module.KbArticlePage));
const KbEditPage = lazyPage(() => import('./pages/kb-edit.js').then((module) => module.KbEditPage));
const ReportsPage = lazyPage(() => import('./pages/reports.js').then((module) => module.ReportsPage));
const AdminPage = lazyPage(() => import('./pages/admin.js').then((module) => module.AdminPage));

const DEVICES = pageRoute('/devices');
const DEVICE = pageRoute('/devices/:id');
const SHELL = pageRoute('/devices/:id/shell');
const RECORDING = pageRoute('/recordings/:id');
const DEVICE_SECTION = pageRoute('/devices/:id/:section');
const TICKETS = pageRoute('/tickets');
const TICKET = pageRoute('/tickets/:id');
const SCRIPTS = pageRoute('/scripts');
const SCRIPT = pageRoute('/scripts/:name');
const JOBS = pageRoute('/jobs');
const JOB = pageRoute('/jobs/:id');
const SCHEDULES = pageRoute('/schedules');
const CHECKS = pageRoute('/checks');
const CHECKS_GROUP = pageRoute('/checks/:group');
const KB = pageRoute('/kb');
const KB_NEW = pageRoute('/kb/new');
const KB_ARTICLE = pageRoute('/kb/:id');
const KB_EDIT = pageRoute('/kb/:id/edit');
const REPORTS = pageRoute('/reports');
const ADMIN = pageRoute('/admin');
const ADMIN_SECTION = pageRoute('/admin/:section');

/** An article id as the API takes it (a positive integer); anything else is no page. */
const isArticleId = (text: string): boolean => /^[1-9][0-9]{0,15}$/.test(text);

function pageFor(path: string) {
  if (DEVICES(path)) return <DevicesPage />;
  const device = DEVICE(path);
  if (device) return <DevicePage id={device.id!} />;
  const shell = SHELL(path);
  if (shell) return <ShellPage id={shell.id!} />;
  const recording = RECORDING(path);
  if (recording) return <RecordingPage id={recording.id!} />;
  const section = DEVICE_SECTION(path);
  if (section && isDeviceSection(section.section!)) return <DevicePage id={section.id!} section={section.section} />;
  if (TICKETS(path)) return <TicketsPage />;
  const ticket = TICKET(path);
  if (ticket) return <TicketPage id={ticket.id!} />;
  if (SCRIPTS(path)) return <ScriptsPage />;
  const script = SCRIPT(path);
  if (script) return <ScriptPage name={script.name!} />;
  if (JOBS(path)) return <JobsPage />;
  const job = JOB(path);
  if (job) return <JobPage id={job.id!} />;
  if (SCHEDULES(path)) return <SchedulesPage />;
  if (CHECKS(path)) return <ChecksPage />;
  const checks = CHECKS_GROUP(path);
  if (checks) return <ChecksPage group={checks.group} />;
  if (KB(path)) return <KbPage />;
  if (KB_NEW(path)) return <KbEditPage />;
  const article = KB_ARTICLE(path);
  if (article && isArticleId(article.id!)) return <KbArticlePage id={Number(article.id)} />;
  const editing = KB_EDIT(path);
  if (editing && isArticleId(editing.id!)) return <KbEditPage id={Number(editing.id)} />;
  if (REPORTS(path)) return <ReportsPage />;
  if (ADMIN(path)) return <AdminPage section="enrollment" />;
  const admin = ADMIN_SECTION(path);
  if (admin && isAdminSection(admin.section!)) return <AdminPage section={admin.section} />;
  return <NotFoundPage path={path} />;
}
