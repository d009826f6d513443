// /jobs: every job, newest first, filtered by status, script and device; /jobs?run=… is the view
// of one run: how far it has got and each device's job as it is queued, sent, started and
// finished. Both follow the live stream (polling while it is down). Staff only, as the API.
import { useMemo, useState } from 'preact/hooks';
import type { JobView } from '../../../protocol/api/jobs.js';
import { API, call } from '../api.js';
import { JobFilters } from '../components/jobs/job-filters.js';
import { JobTable } from '../components/jobs/job-table.js';
import { usePageTitle } from '../components/page-title.js';
import { isStaff, ScriptsNav, StaffOnly } from '../components/scripts/scripts-nav.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useJobUpdates } from '../state/job-live.js';
import { isJobFinished, jobFilterFromSearch, jobSearchOf, runProgress, type JobFilter } from '../state/job-view.js';
import { useLoad } from '../state/load.js';
import '../styles/scripts.css';

export function JobsPage() {
  usePageTitle(t('jobs.pageTitle'));
  if (!isStaff()) return <StaffOnly title={t('jobs.pageTitle')} />;
  return <Jobs />;
}

function Jobs() {
  const [filter, setFilter] = useState<JobFilter>(() => jobFilterFromSearch(location.search));
  const change = (next: JobFilter) => {
    setFilter(next);
    history.replaceState(null, '', `/jobs${jobSearchOf(next)}`);
  };
  const { state, reload } = useLoad(
    () =>
      call(API.jobs.list, {
        query: {
          ...(filter.run ? { runId: filter.run } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.device ? { deviceId: filter.device } : {}),
        },
      }),
    [filter.run, filter.status, filter.device],
  );
  const choices = useLoad(async () => {
    const [scripts, devices] = await Promise.all([call(API.scripts.list), call(API.devices.list)]);
    return {
      scripts: [...new Set(scripts.map((script) => script.name))],
      devices: devices.sort((a, b) => a.name.localeCompare(b.name)),
    };
  }, []).state;

  const loaded = state.kind === 'ready' ? state.data : null;
  const jobs = useMemo(
    () => (loaded && filter.script ? loaded.filter((job) => job.script === filter.script) : loaded),
    [loaded, filter.script],
  );
  // A run's jobs are all known once it started: only their changes matter. Any other list may gain jobs.
  const watching = filter.run ? !!loaded?.some((job) => !isJobFinished(job.status)) : true;
  const shownIds = useMemo(() => new Set(loaded?.map((job) => job.id)), [loaded]);
  useJobUpdates(reload, watching, (jobId) => !filter.run || shownIds.has(jobId));

  return (
    <section class="page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{filter.run ? t('jobs.runTitle') : t('jobs.pageTitle')}</h1>
        <div class="toolbar">{jobs && <span class="count">{t('jobs.count', { count: jobs.length })}</span>}</div>
      </header>
      <ScriptsNav />
      {filter.run && loaded && (
        <RunSummary runId={filter.run} jobs={loaded} onLeave={() => change({ ...filter, run: '' })} />
      )}
      <JobFilters
        filter={filter}
        scripts={choices.kind === 'ready' ? choices.data.scripts : []}
        devices={choices.kind === 'ready' ? choices.data.devices : []}
        onChange={change}
      />
      {state.kind === 'loading' && <Loading label={t('jobs.loading')} />}
      {state.kind === 'failed' && <Failed title={t('jobs.failed')} error={state.error} onRetry={reload} />}
      {jobs && jobs.length === 0 && (
        <Empty title={t(Object.values(filter).some(Boolean) ? 'jobs.noMatch' : 'jobs.empty')}>
          <p class="state-body">{t('jobs.emptyHint')}</p>
        </Empty>
      )}
      {jobs && jobs.length > 0 && <JobTable jobs={jobs} label={t('jobs.tableLabel')} />}
    </section>
  );
}

function RunSummary(props: { runId: string; jobs: readonly JobView[]; onLeave: () => void }) {
  const progress = runProgress(props.jobs);
  const done = progress.total > 0 && progress.finished === progress.total;
  const script = props.jobs[0];
  return (
    <div class={`run-summary${done ? ' run-summary-done' : ''}`} role="status" aria-live="polite">
      <div>
        <p class="run-summary-title">
          {script ? t('jobs.runOf', { script: script.script, version: script.scriptVersion }) : props.runId}
        </p>
        <p class="cell-secondary">
          <code>{props.runId}</code>
        </p>
      </div>
      <div class="run-progress" aria-hidden="true">
        <span class="run-progress-ok" style={{ width: `${(100 * progress.succeeded) / (progress.total || 1)}%` }} />
        <span class="run-progress-bad" style={{ width: `${(100 * progress.unsuccessful) / (progress.total || 1)}%` }} />
      </div>
      <p class="run-summary-words">
        {t(done ? 'jobs.runDone' : 'jobs.runGoing', { finished: progress.finished, count: progress.total })}
        {progress.finished > 0 &&
          ` · ${t('jobs.runOutcome', { succeeded: progress.succeeded, unsuccessful: progress.unsuccessful })}`}
      </p>
      <button type="button" class="button button-quiet" onClick={props.onLeave}>
        {t('jobs.allJobs')}
      </button>
    </div>
  );
}
