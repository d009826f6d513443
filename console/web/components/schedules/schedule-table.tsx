// The schedules as a table: what runs where and when, in words as well as cron, its next and
// last run, and the buttons to pause, resume or remove it.
import { useState } from 'preact/hooks';
import type { ScheduleView } from '../../../../protocol/api/schedules.js';
import { API, call } from '../../api.js';
import { locale, t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';
import { previewCron } from '../../state/schedule-form.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { RelativeTime } from '../relative-time.js';
import { describeError } from '../states.js';

const TARGET_WORDS = {
  device: 'schedules.targetDevice',
  group: 'schedules.targetGroup',
  tag: 'schedules.targetTag',
} as const;

export function ScheduleTable(props: { schedules: ScheduleView[]; onChanged: () => void }) {
  const [removing, setRemoving] = useState<ScheduleView | null>(null);
  return (
    <div class="table-scroll">
      <table class="table table-compact schedules-table">
        <thead>
          <tr>
            <th scope="col">{t('schedules.colName')}</th>
            <th scope="col">{t('schedules.colScript')}</th>
            <th scope="col">{t('schedules.colTarget')}</th>
            <th scope="col">{t('schedules.colWhen')}</th>
            <th scope="col">{t('schedules.colWindow')}</th>
            <th scope="col">{t('schedules.colNext')}</th>
            <th scope="col">{t('schedules.colLast')}</th>
            <th scope="col">{t('schedules.colState')}</th>
            <th scope="col">{t('schedules.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.schedules.map((schedule) => (
            <ScheduleRow key={schedule.id} schedule={schedule} onChanged={props.onChanged} onRemove={setRemoving} />
          ))}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={t('schedules.removeTitle')}
          question={t('schedules.removeConfirm', { name: removing.name })}
          confirmLabel={t('schedules.remove')}
          onConfirm={() => call(API.schedules.remove, { params: { id: removing.id } })}
          onClose={(removed) => {
            setRemoving(null);
            if (removed) props.onChanged();
          }}
        />
      )}
    </div>
  );
}

function ScheduleRow(props: { schedule: ScheduleView; onChanged: () => void; onRemove: (s: ScheduleView) => void }) {
  const { schedule } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = previewCron(schedule.cron, schedule.timeZone, locale.value, Date.now());
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(schedule.paused ? API.schedules.resume : API.schedules.pause, { params: { id: schedule.id } });
      props.onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-schedule={schedule.name}>
      <td class="cell-name">{schedule.name}</td>
      <td>{schedule.script}</td>
      <td>{t(TARGET_WORDS[schedule.target.kind], { value: schedule.target.value })}</td>
      <td>
        <div>{preview.kind === 'ok' ? preview.reading : schedule.cron}</div>
        <div class="cell-secondary">
          <code>{schedule.cron}</code> · {schedule.timeZone}
        </div>
      </td>
      <td>
        {schedule.window ? `${schedule.window.start}–${schedule.window.end}` : t('schedules.windowAny')}
        {schedule.spreadMs > 0 && (
          <div class="cell-secondary">{t('schedules.spread', { minutes: Math.round(schedule.spreadMs / 60_000) })}</div>
        )}
      </td>
      <td title={schedule.nextFireAt ? formatDateTime(schedule.nextFireAt) : undefined}>
        {schedule.paused || !schedule.nextFireAt ? '—' : <RelativeTime iso={schedule.nextFireAt} />}
      </td>
      <td>{schedule.lastFiredAt ? <RelativeTime iso={schedule.lastFiredAt} /> : t('schedules.notYet')}</td>
      <td>
        <span class={`badge ${schedule.paused ? 'badge-pending' : 'badge-active'}`}>
          {t(schedule.paused ? 'schedules.paused' : 'schedules.active')}
        </span>
      </td>
      <td class="cell-actions">
        <button type="button" class="button button-small" disabled={busy} onClick={() => void toggle()}>
          {t(schedule.paused ? 'schedules.resume' : 'schedules.pause')}
        </button>{' '}
        <button type="button" class="button button-small button-danger" onClick={() => props.onRemove(schedule)}>
          {t('schedules.remove')}
        </button>
        {error && (
          <p class="form-error" role="alert">
            {t('schedules.actionFailed', { message: error })}
          </p>
        )}
      </td>
    </tr>
  );
}
