// A job's status as a badge whose colour says how it went, and how long it ran (ticking while it
// runs, so a run view shows time passing without reading the server again).
import { useEffect, useState } from 'preact/hooks';
import type { JobView } from '../../../../protocol/api/jobs.js';
import { locale, t } from '../../i18n/index.js';
import { formatJobDuration, jobDurationMs, statusTone } from '../../state/job-view.js';

export function JobStatusBadge(props: { status: JobView['status'] }) {
  return (
    <span class={`badge job-status job-status-${statusTone(props.status)}`} data-status={props.status}>
      {props.status === 'running' && <span class="spinner spinner-small" aria-hidden="true" />}
      {t(`jobStatus.${props.status}`)}
    </span>
  );
}

export function JobDuration(props: { job: Pick<JobView, 'startedAt' | 'finishedAt'> }) {
  const running = props.job.startedAt !== null && props.job.finishedAt === null;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  const ms = jobDurationMs(props.job, now);
  return ms === null ? <span class="muted">—</span> : <span>{formatJobDuration(ms, locale.value)}</span>;
}
