// The period picker: quick periods that apply at once, or two dates and a grouping applied with
// "Show". A range the server would refuse is named here, before anything is asked.
import { useEffect, useState } from 'preact/hooks';
import { REPORT_GROUP_BYS, checkReportRange, type ReportGroupBy } from '../../../../protocol/api/reports.js';
import { t } from '../../i18n/index.js';
import { REPORT_PRESETS, presetOf, presetRange, type ReportPeriod } from '../../state/report-period.js';
import { groupByLabel } from './report-words.js';

export function PeriodForm(props: { period: ReportPeriod; today: string; onChange: (period: ReportPeriod) => void }) {
  const { period, today } = props;
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [errors, setErrors] = useState<string[]>([]);
  // A preset or the address changed the period: the date boxes follow.
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
    setErrors([]);
  }, [period.from, period.to]);
  const chosen = presetOf(period, today);
  const apply = (change: Partial<ReportPeriod>) => props.onChange({ ...period, ...change });
  return (
    <form
      class="report-period"
      aria-label={t('reports.period')}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkReportRange(from, to);
        if (!checked.ok) return setErrors(checked.errors);
        setErrors([]);
        apply({ from, to });
      }}
    >
      <div class="report-presets" role="group" aria-label={t('reports.presets')}>
        {REPORT_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            class={`button button-small${chosen === preset ? ' button-chosen' : ''}`}
            aria-pressed={chosen === preset}
            onClick={() => apply(presetRange(preset, today))}
          >
            {t(`reports.preset.${preset}`)}
          </button>
        ))}
      </div>
      <div class="report-fields">
        <label class="field">
          <span class="field-label">{t('reports.from')}</span>
          <input type="date" value={from} required onInput={(event) => setFrom(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{t('reports.to')}</span>
          <input type="date" value={to} required onInput={(event) => setTo(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary">
          {t('reports.show')}
        </button>
        <label class="field">
          <span class="field-label">{t('reports.groupBy')}</span>
          <select
            value={period.groupBy}
            onChange={(event) => apply({ groupBy: event.currentTarget.value as ReportGroupBy })}
          >
            {REPORT_GROUP_BYS.map((groupBy) => (
              <option key={groupBy} value={groupBy}>
                {groupByLabel(groupBy)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {errors.length > 0 && (
        <p class="field-error" role="alert">
          {errors.join('; ')}
        </p>
      )}
    </form>
  );
}
