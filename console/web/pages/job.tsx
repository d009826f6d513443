// /jobs/:id: one job — where and what it ran with which arguments, who asked, each step's time,
// its exit code and duration, and what it printed. Output is shown as text in <pre>, never as
// markup: a PC can print anything. Read again as the job moves on until it finishes.
import type { JobView } from '../../../protocol/api/jobs.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { Fact, Facts, Panel } from '../components/device/facts.js';
import { JobDuration, JobStatusBadge } from '../components/jobs/job-status.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { isStaff, StaffOnly } from '../components/scripts/scripts-nav.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { formatBytes } from '../i18n/bytes.js';
import { t } from '../i18n/index.js';
import { formatDateTime } from '../i18n/time.js';
import { useJobUpdates } from '../state/job-live.js';
import { isJobFinished } from '../state/job-view.js';
import { useLoad } from '../state/load.js';
import '../styles/scripts.css';

export function JobPage(props: { id: string }) {
  usePageTitle(t('job.pageTitle', { id: props.id }));
  if (!isStaff()) return <StaffOnly title={t('jobs.pageTitle')} />;
  return <JobDetails key={props.id} id={props.id} />;
}

function JobDetails(props: { id: string }) {
  const { state, reload } = useLoad(() => call(API.jobs.show, { params: { id: props.id } }), [props.id]);
  const job = state.kind === 'ready' ? state.data : null;
  useJobUpdates(reload, !!job && !isJobFinished(job.status), (jobId) => jobId === props.id);
  // 400: not even the shape of a job id (a mistyped address); 404: no such job.
  const missing =
    state.kind === 'failed' && state.error instanceof ApiRequestError && [400, 404].includes(state.error.status);
  return (
    <section class="page job-page" aria-labelledby="page-heading">
      <p class="back">
        <Link href={job ? `/jobs?run=${encodeURIComponent(job.runId)}` : '/jobs'} current={false}>
          <span aria-hidden="true">← </span>
          {t(job ? 'job.backToRun' : 'job.backToJobs')}
        </Link>
      </p>
      {state.kind === 'loading' && <Loading label={t('job.loading')} />}
      {missing && (
        <Empty title={t('job.notFound')}>
          <h1 id="page-heading" class="visually-hidden">
            {t('job.notFound')}
          </h1>
          <p class="state-body">{t('job.notFoundBody', { id: props.id })}</p>
        </Empty>
      )}
      {state.kind === 'failed' && !missing && <Failed title={t('job.failed')} error={state.error} onRetry={reload} />}
      {job && <JobBody job={job} />}
    </section>
  );
}

function JobBody(props: { job: JobView }) {
  const { job } = props;
  const args = Object.entries(job.args);
  return (
    <>
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{t('job.heading', { script: job.script, device: job.deviceName ?? job.deviceId })}</h1>
          <JobStatusBadge status={job.status} />
        </div>
      </header>
      <div class="panels">
        <Panel id="job-facts" title={t('job.details')}>
          <Facts>
            <Fact label={t('job.script')}>
              <Link href={`/scripts/${encodeURIComponent(job.script)}`}>{job.script}</Link> v{job.scriptVersion}
            </Fact>
            <Fact label={t('job.device')}>
              <Link href={`/devices/${encodeURIComponent(job.deviceId)}`}>{job.deviceName ?? job.deviceId}</Link>
            </Fact>
            <Fact label={t('job.exitCode')}>{job.exitCode ?? ''}</Fact>
            <Fact label={t('job.duration')}>
              <JobDuration job={job} />
            </Fact>
            <Fact label={t('job.requestedBy')}>{job.requestedBy}</Fact>
            <Fact label={t('job.reason')}>{job.reason ?? ''}</Fact>
            <Fact label={t('job.createdAt')}>{formatDateTime(job.createdAt)}</Fact>
            <Fact label={t('job.sentAt')}>{job.sentAt ? formatDateTime(job.sentAt) : ''}</Fact>
            <Fact label={t('job.startedAt')}>{job.startedAt ? formatDateTime(job.startedAt) : ''}</Fact>
            <Fact label={t('job.finishedAt')}>{job.finishedAt ? formatDateTime(job.finishedAt) : ''}</Fact>
            <Fact label={t('job.expiresAt')}>{formatDateTime(job.expiresAt)}</Fact>
            <Fact label={t('job.id')}>
              <code>{job.id}</code>
            </Fact>
          </Facts>
        </Panel>
        <Panel id="job-args" title={t('job.args')}>
          {args.length === 0 ? (
            <p class="muted">{t('job.noArgs')}</p>
          ) : (
            <dl class="job-args">
              {args.map(([name, value]) => (
                <div key={name} class="fact">
                  <dt>
                    <code>{name}</code>
                  </dt>
                  <dd>
                    <code>{value}</code>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Panel>
        <Panel id="job-stdout" title={t('job.stdout')} wide>
          <Output stream={job.stdout} finished={isJobFinished(job.status)} label={t('job.stdout')} />
        </Panel>
        <Panel id="job-stderr" title={t('job.stderr')} wide>
          <Output stream={job.stderr} finished={isJobFinished(job.status)} label={t('job.stderr')} />
        </Panel>
      </div>
    </>
  );
}

function Output(props: { stream: JobView['stdout']; finished: boolean; label: string }) {
  const { stream } = props;
  if (!stream) return <p class="muted">{t(props.finished ? 'job.noOutput' : 'job.outputPending')}</p>;
  return (
    <>
      {stream.text === '' ? (
        <p class="muted">{t('job.emptyOutput')}</p>
      ) : (
        <pre class="code-block output-block" tabIndex={0} aria-label={props.label}>
          {stream.text}
        </pre>
      )}
      <p class="cell-secondary">
        {formatBytes(stream.bytes)}
        {stream.truncated && ` · ${t('job.truncated')}`} · SHA-256{' '}
        <code title={stream.sha256}>{stream.sha256.slice(0, 16)}</code>
      </p>
    </>
  );
}
