// The device's health over 1 hour, 24 hours, 7 or 30 days: a chart per metric, new samples
// appended as the agent sends them (raw ranges), and the latest values as text.
import { useState } from 'preact/hooks';
import type { HealthSeriesView } from '../../../../protocol/api/inventory.js';
import { sampleMetrics } from '../../../../protocol/messages/health.js';
import { API, call } from '../../api.js';
import { formatNumber, t, type MessageKey } from '../../i18n/index.js';
import { useLiveHealth } from '../../state/live.js';
import { useLoad } from '../../state/load.js';
import { RelativeTime } from '../relative-time.js';
import { Empty, Failed, Loading } from '../states.js';
import { HealthChart } from './health-chart.js';
import { CHART_METRICS, hasValues, RANGES, seriesOf, withSample, type Range } from './health-series.js';

const RANGE_LABELS: Record<Range, MessageKey> = {
  '1h': 'health.range1h',
  '24h': 'health.range24h',
  '7d': 'health.range7d',
  '30d': 'health.range30d',
};

export function HealthTab(props: { deviceId: string }) {
  const [range, setRange] = useState<Range>('24h');
  const { state, reload, update } = useLoad(
    () => call(API.inventory.health, { params: { id: props.deviceId }, query: { since: range } }),
    [props.deviceId, range],
  );
  useLiveHealth(props.deviceId, (sample) => update((view) => withSample(view, sample)));

  return (
    <div class="health">
      <div class="toolbar">
        <div class="segmented" role="group" aria-label={t('health.range')}>
          {RANGES.map((option) => (
            <button
              key={option}
              type="button"
              class="segment"
              aria-pressed={option === range}
              onClick={() => setRange(option)}
            >
              {t(RANGE_LABELS[option])}
            </button>
          ))}
        </div>
        {state.kind === 'ready' && (
          <p class="muted" role="status">
            {t(state.data.resolution === 'raw' ? 'health.raw' : 'health.hourly')}
          </p>
        )}
      </div>
      {state.kind === 'loading' && <Loading label={t('health.loading')} />}
      {state.kind === 'failed' && <Failed title={t('health.failed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && <HealthCharts view={state.data} />}
    </div>
  );
}

function HealthCharts(props: { view: HealthSeriesView }) {
  const { view } = props;
  const empty = view.resolution === 'raw' ? view.raw.length === 0 : view.hourly.length === 0;
  if (empty)
    return (
      <Empty title={t('health.empty')}>
        <p class="state-body">{t('health.emptyBody')}</p>
      </Empty>
    );
  const charts = CHART_METRICS.map((metric) => ({ metric, series: seriesOf(view, metric.metric) })).filter((entry) =>
    hasValues(entry.series),
  );
  return (
    <div class="health-layout">
      <div class="charts">
        {charts.map(({ metric, series }) => (
          <figure key={metric.metric} class="chart-figure">
            <figcaption class="chart-title">{t(metric.label)}</figcaption>
            <HealthChart
              label={t(metric.label)}
              unit={metric.unit}
              top={metric.top}
              color={metric.color}
              series={series}
            />
          </figure>
        ))}
      </div>
      <LatestValues view={view} />
    </div>
  );
}

/** The newest sample's figures as text: for screen readers, and for anyone who wants a number. */
function LatestValues(props: { view: HealthSeriesView }) {
  const latest = props.view.raw[props.view.raw.length - 1];
  if (!latest) return null;
  const values = sampleMetrics(latest);
  return (
    <section class="panel latest" aria-labelledby="latest-heading" data-at={latest.at}>
      <h2 id="latest-heading">{t('health.latest')}</h2>
      <p class="muted">
        <RelativeTime iso={new Date(latest.at).toISOString()} />
      </p>
      <table class="table table-compact" aria-labelledby="latest-heading">
        <tbody>
          {CHART_METRICS.map((metric) => {
            const value = values[metric.metric];
            return (
              <tr key={metric.metric} data-metric={metric.metric}>
                <th scope="row">{t(metric.label)}</th>
                <td class="cell-numeric">
                  {value === null ? '—' : `${formatNumber(Math.round(value * 10) / 10)}${metric.unit}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
