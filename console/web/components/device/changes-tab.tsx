// What changed in the device's inventory and when: "Memory total: 16 GB → 8 GB", newest first,
// over the last 30 days (the API answers in that order), with the time relative and absolute on hover.
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { RelativeTime } from '../relative-time.js';
import { changeSentence } from './change-sentence.js';
import { Empty, Failed, Loading } from '../states.js';

export function ChangesTab(props: { deviceId: string }) {
  const { state, reload } = useLoad(
    () => call(API.inventory.changes, { params: { id: props.deviceId }, query: { since: '30d' } }),
    [props.deviceId],
  );
  if (state.kind === 'loading') return <Loading label={t('inv.changesLoading')} />;
  if (state.kind === 'failed') return <Failed title={t('inv.changesFailed')} error={state.error} onRetry={reload} />;
  if (!state.data.length)
    return (
      <Empty title={t('inv.noChanges')}>
        <p class="state-body">{t('inv.noChangesBody')}</p>
      </Empty>
    );
  return (
    <ol class="change-list" aria-label={t('inv.changes')}>
      {state.data.map((change, index) => (
        <li key={`${change.at}-${index}`} class={`change change-${change.kind}`}>
          <span class="change-text">{changeSentence(change)}</span>
          <RelativeTime iso={change.at} />
        </li>
      ))}
    </ol>
  );
}
