// The device's tickets and, for staff, its jobs: what was asked about this PC and what was run
// on it, newest first. (Job output is on the job itself, read with `helpline jobs show`.)
import type { ComponentChildren } from 'preact';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { RelativeTime } from '../relative-time.js';
import { Failed, Loading } from '../states.js';
import { Panel } from './facts.js';

export function ActivityTab(props: { deviceId: string; staff: boolean; children?: ComponentChildren }) {
  return (
    <div class="panels panels-stacked">
      <Panel id="tickets" title={t('activity.tickets')} wide>
        <DeviceTickets deviceId={props.deviceId} />
      </Panel>
      {props.staff && (
        <Panel id="jobs" title={t('activity.jobs')} wide>
          <DeviceJobs deviceId={props.deviceId} />
        </Panel>
      )}
      {props.children}
    </div>
  );
}

function DeviceTickets(props: { deviceId: string }) {
  const { state, reload } = useLoad(
    () => call(API.tickets.list, { query: { deviceId: props.deviceId, limit: 100 } }),
    [props.deviceId],
  );
  if (state.kind === 'loading') return <Loading label={t('activity.ticketsLoading')} />;
  if (state.kind === 'failed')
    return <Failed title={t('activity.ticketsFailed')} error={state.error} onRetry={reload} />;
  if (!state.data.length) return <p class="muted">{t('activity.noTickets')}</p>;
  return (
    <table class="table table-compact">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('activity.subject')}</th>
          <th scope="col">{t('activity.status')}</th>
          <th scope="col">{t('activity.priority')}</th>
          <th scope="col">{t('activity.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.map((ticket) => (
          <tr key={ticket.id}>
            <td>{ticket.id}</td>
            <td>{ticket.subject}</td>
            <td>{t(`ticketStatus.${ticket.status}`)}</td>
            <td>{`P${ticket.priority}`}</td>
            <td>
              <RelativeTime iso={ticket.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeviceJobs(props: { deviceId: string }) {
  const { state, reload } = useLoad(
    () => call(API.jobs.list, { query: { deviceId: props.deviceId, limit: 100 } }),
    [props.deviceId],
  );
  if (state.kind === 'loading') return <Loading label={t('activity.jobsLoading')} />;
  if (state.kind === 'failed') return <Failed title={t('activity.jobsFailed')} error={state.error} onRetry={reload} />;
  if (!state.data.length) return <p class="muted">{t('activity.noJobs')}</p>;
  return (
    <table class="table table-compact">
      <thead>
        <tr>
          <th scope="col">{t('activity.script')}</th>
          <th scope="col">{t('activity.status')}</th>
          <th scope="col" class="cell-numeric">
            {t('activity.exitCode')}
          </th>
          <th scope="col">{t('activity.created')}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.map((job) => (
          <tr key={job.id}>
            <td>{`${job.script} v${job.scriptVersion}`}</td>
            <td>{t(`jobStatus.${job.status}`)}</td>
            <td class="cell-numeric">{job.exitCode ?? '—'}</td>
            <td>
              <RelativeTime iso={job.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
