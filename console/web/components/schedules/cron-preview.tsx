// The cron expression read back: in words, and its next five runs in the schedule's zone — or
// the reason it cannot run, in the words the server would use.
import type { Locale } from '../../i18n/index.js';
import { t } from '../../i18n/index.js';
import { formatInZone, previewCron } from '../../state/schedule-form.js';

export function CronPreviewPanel(props: { cron: string; timeZone: string; locale: Locale }) {
  const preview = previewCron(props.cron.trim(), props.timeZone.trim(), props.locale, Date.now());
  if (preview.kind === 'problem') {
    return (
      <div class="cron-preview cron-preview-problem" aria-live="polite">
        <p class="field-error">{preview.message}</p>
      </div>
    );
  }
  return (
    <div class="cron-preview" aria-live="polite">
      <p>
        <span class="field-label">{t('schedules.formReading')}: </span>
        <span class="cron-reading">{preview.reading}</span>
      </p>
      <p class="field-label">{t('schedules.formNextRuns', { zone: props.timeZone.trim() })}</p>
      {preview.runs.length === 0 ? (
        <p>{t('schedules.formNoRuns')}</p>
      ) : (
        <ol class="cron-runs" aria-label={t('schedules.formNextRuns', { zone: props.timeZone.trim() })}>
          {preview.runs.map((run) => (
            <li key={run}>{formatInZone(run, props.timeZone.trim(), props.locale)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
