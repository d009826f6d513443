// `device health` for people: one sparkline per metric with min / avg / max / last, drawn from raw
// samples or from hourly roll-ups, whichever the server chose for the range.
import type { HealthSeriesView } from '../../protocol/api/inventory.js';
import { sampleMetrics, type HealthMetric } from '../../protocol/messages/health.js';
import { clean, localTime } from './output.js';
import { sparkline } from './sparkline.js';

/** Widest sparkline; longer series are averaged down to this many columns. */
export const CHART_WIDTH = 60;

interface MetricStyle {
  metric: HealthMetric;
  label: string;
  /** Percentages are drawn on a fixed 0–100 scale, everything else from its own min to max. */
  percent: boolean;
  decimals: number;
}

const METRICS: MetricStyle[] = [
  { metric: 'cpuPct', label: 'CPU %', percent: true, decimals: 1 },
  { metric: 'memUsedPct', label: 'memory %', percent: true, decimals: 1 },
  { metric: 'swapUsedPct', label: 'swap %', percent: true, decimals: 1 },
  { metric: 'diskMaxUsedPct', label: 'disk max %', percent: true, decimals: 1 },
  { metric: 'cpuTempC', label: 'temperature °C', percent: false, decimals: 1 },
  { metric: 'batteryPct', label: 'battery %', percent: true, decimals: 0 },
  { metric: 'processCount', label: 'processes', percent: false, decimals: 0 },
];

interface Series {
  /** What the sparkline draws: sample values, or hourly averages. */
  points: Array<number | null>;
  min: number;
  avg: number;
  max: number;
  last: number;
}

const present = (values: Array<number | null>): number[] =>
  values.filter((value): value is number => value !== null && Number.isFinite(value));
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

function rawSeries(view: HealthSeriesView, metric: HealthMetric): Series | null {
  const samples = [...view.raw].sort((a, b) => a.at - b.at);
  const points = samples.map((sample) => sampleMetrics(sample)[metric]);
  const values = present(points);
  if (values.length === 0) return null;
  return {
    points,
    min: Math.min(...values),
    avg: mean(values),
    max: Math.max(...values),
    last: values[values.length - 1]!,
  };
}

function hourlySeries(view: HealthSeriesView, metric: HealthMetric): Series | null {
  const hours = [...view.hourly]
    .sort((a, b) => Date.parse(a.hour) - Date.parse(b.hour))
    .map((entry) => entry.metrics[metric] ?? null);
  const stats = hours.filter((entry) => entry !== null);
  if (stats.length === 0) return null;
  const averages = stats.map((entry) => entry.avg);
  return {
    points: hours.map((entry) => entry?.avg ?? null),
    min: Math.min(...stats.map((entry) => entry.min)),
    avg: mean(averages),
    max: Math.max(...stats.map((entry) => entry.max)),
    last: averages[averages.length - 1]!,
  };
}

/** The lines `device health` prints: a heading, then one line per metric that has any values. */
export function healthChart(view: HealthSeriesView, width = CHART_WIDTH): string[] {
  const hourly = view.resolution === 'hourly';
  const count = hourly ? view.hourly.length : view.raw.length;
  const range = `from ${localTime(view.from)} to ${localTime(view.to)} (local time)`;
  if (count === 0)
    return [
      `No health samples from ${clean(view.deviceId)} between ${localTime(view.from)} and ${localTime(view.to)} (local time).`,
    ];
  const what = hourly
    ? `${count} hourly average${count === 1 ? '' : 's'}`
    : `${count} raw sample${count === 1 ? '' : 's'}`;
  const rows = METRICS.flatMap((style) => {
    const series = hourly ? hourlySeries(view, style.metric) : rawSeries(view, style.metric);
    if (!series) return [];
    const chart = sparkline(series.points, style.percent ? { width, min: 0, max: 100 } : { width });
    const number = (value: number) => value.toFixed(style.decimals);
    return [{ label: style.label, chart, stats: [series.min, series.avg, series.max, series.last].map(number) }];
  });
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const chartWidth = Math.max(...rows.map((row) => row.chart.length));
  const statWidths = [0, 1, 2, 3].map((index) => Math.max(...rows.map((row) => row.stats[index]!.length)));
  const names = ['min', 'avg', 'max', 'last'];
  const lines = rows.map((row) => {
    const stats = row.stats.map((stat, index) => `${names[index]} ${stat.padStart(statWidths[index]!)}`).join('  ');
    return `${row.label.padEnd(labelWidth)}  ${row.chart.padEnd(chartWidth)}  ${stats}`;
  });
  const note = hourly ? ' (min and max over all samples)' : '';
  return [`Health of ${clean(view.deviceId)} ${range}: ${what}${note}.`, ...lines];
}
