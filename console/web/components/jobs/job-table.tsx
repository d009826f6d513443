// Jobs as a table, newest first: the device, the script and version, how it is going (queued,
// sent, running, then its outcome), its exit code and duration, who ran it and when, and a link
// to the job with its output.
import type { JobView } from '../../../../protocol/api/jobs.js';
import { t } from '../../i18n/index.js';
import { Link } from '../link.js';
import { RelativeTime } from '../relative-time.js';
import { JobDuration, JobStatusBadge } from './job-status.js';

export function JobTable(props: { jobs: readonly JobView[]; label: string }) {
  return (
    <div class="table-scroll">
      <table class="table table-compact wrap-table jobs-table" aria-label={props.label}>
        <thead>
          <tr>
            <th scope="col">{t('jobs.colDevice')}</th>
            <th scope="col">{t('jobs.colScript')}</th>
            <th scope="col">{t('jobs.colStatus')}</th>
            <th scope="col" class="cell-numeric">
              {t('jobs.colExitCode')}
            </th>
            <th scope="col" class="cell-numeric">
              {t('jobs.colDuration')}
            </th>
            <th scope="col">{t('jobs.colRequestedBy')}</th>
            <th scope="col">{t('jobs.colCreated')}</th>
            <th scope="col">{t('jobs.colJob')}</th>
          </tr>
        </thead>
        <tbody>
          {props.jobs.map((job) => (
            <tr key={job.id} data-job={job.id} data-device={job.deviceName ?? job.deviceId}>
              <td class="cell-name">
                <Link href={`/devices/${encodeURIComponent(job.deviceId)}`}>{job.deviceName ?? job.deviceId}</Link>
              </td>
              <td>
                <Link href={`/scripts/${encodeURIComponent(job.script)}`}>{job.script}</Link>{' '}
                <span class="muted">v{job.scriptVersion}</span>
              </td>
              <td>
                <JobStatusBadge status={job.status} />
                {job.reason && <div class="cell-secondary">{job.reason}</div>}
              </td>
              <td class="cell-numeric">{job.exitCode ?? '—'}</td>
              <td class="cell-numeric">
                <JobDuration job={job} />
              </td>
              <td>{job.scheduleId !== null ? t('jobs.bySchedule', { id: job.scheduleId }) : job.requestedBy}</td>
              <td>
                <RelativeTime iso={job.createdAt} />
              </td>
              <td>
                <Link href={`/jobs/${job.id}`} title={job.id}>
                  {t('jobs.open')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
