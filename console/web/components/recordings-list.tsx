// A device's shell recordings, newest first, each with a link to play it. Staff only (the route
// is), so a viewer's device page shows nothing here rather than an error.
import { STAFF } from '../../../protocol/api/access.js';
import { API, call } from '../api.js';
import { t } from '../i18n/index.js';
import '../styles/terminal.css';
import { formatKilobytes, recordingDuration, recordingOutcome } from '../shell/recording-format.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';
import { Link } from './link.js';
import { RelativeTime } from './relative-time.js';
import { Empty, Failed, Loading } from './states.js';

export const recordingPath = (id: string) => `/recordings/${encodeURIComponent(id)}`;

export function DeviceRecordings(props: { deviceId: string }) {
  const state = session.value;
  if (state.kind !== 'signedIn' || !STAFF.includes(state.user.role)) return null;
  return <RecordingsPanel deviceId={props.deviceId} />;
}

function RecordingsPanel(props: { deviceId: string }) {
  const { state, reload } = useLoad(
    () => call(API.recordings.list, { query: { deviceId: props.deviceId, limit: 50 } }),
    [props.deviceId],
  );
  return (
    <section class="panel recordings" aria-labelledby="recordings-heading">
      <div class="panel-heading">
        <h2 id="recordings-heading">{t('recordings.title')}</h2>
        {state.kind === 'ready' && (
          <button type="button" class="button button-quiet" onClick={reload} disabled={state.reloading}>
            {t(state.reloading ? 'common.refreshing' : 'common.refresh')}
          </button>
        )}
      </div>
      {state.kind === 'loading' && <Loading label={t('recordings.loading')} />}
      {state.kind === 'failed' && <Failed title={t('recordings.loadFailed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.data.length === 0 && <Empty title={t('recordings.empty')} />}
      {state.kind === 'ready' && state.data.length > 0 && (
        <table class="recordings-table">
          <caption class="visually-hidden">{t('recordings.count', { count: state.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recordings.started')}</th>
              <th scope="col">{t('recordings.technician')}</th>
              <th scope="col">{t('recordings.duration')}</th>
              <th scope="col">{t('recordings.outcome')}</th>
              <th scope="col">{t('recordings.size')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('recordings.play')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((recording) => (
              <tr key={recording.id}>
                <td>
                  <RelativeTime iso={recording.startedAt} />
                </td>
                <td>{recording.technician}</td>
                <td>{recordingDuration(recording) ?? '—'}</td>
                <td>{recordingOutcome(recording)}</td>
                <td>{formatKilobytes(recording.recordingBytes)}</td>
                <td>
                  {recording.endedAt !== null && (
                    <Link href={recordingPath(recording.id)} current={false}>
                      {t('recordings.play')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
