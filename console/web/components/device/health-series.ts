// The health API's answer as chart series, one per metric: raw samples for short ranges, hourly
// averages with their lowest and highest for long ones (the API chooses; the chart says which).
import type { HealthSeriesView } from '../../../../protocol/api/inventory.js';
import { sampleMetrics, type HealthMetric, type HealthSample } from '../../../../protocol/messages/health.js';
import type { MessageKey } from '../../i18n/index.js';
import type { ChartSeries } from './health-chart.js';

export interface ChartMetric {
  metric: HealthMetric;
  label: MessageKey;
  unit: string;
  top?: number;
  color: string;
}

export const CHART_METRICS: readonly ChartMetric[] = [
  { metric: 'cpuPct', label: 'health.cpu', unit: ' %', top: 100, color: '#1d4ed8' },
  { metric: 'memUsedPct', label: 'health.memory', unit: ' %', top: 100, color: '#7c3aed' },
  { metric: 'diskMaxUsedPct', label: 'health.disk', unit: ' %', top: 100, color: '#0f766e' },
  { metric: 'cpuTempC', label: 'health.temperature', unit: ' °C', color: '#c2410c' },
  { metric: 'processCount', label: 'health.processes', unit: '', color: '#475569' },
];

/** The ranges offered, as the API's `since`. */
export const RANGES = ['1h', '24h', '7d', '30d'] as const;
export type Range = (typeof RANGES)[number];

export function seriesOf(view: HealthSeriesView, metric: HealthMetric): ChartSeries {
  if (view.resolution === 'raw') {
    return {
      times: view.raw.map((sample) => sample.at / 1000),
      values: view.raw.map((sample) => sampleMetrics(sample)[metric]),
    };
  }
  const hours = view.hourly;
  const stats = hours.map((hour) => hour.metrics[metric]);
  return {
    times: hours.map((hour) => Date.parse(hour.hour) / 1000),
    values: stats.map((entry) => entry?.avg ?? null),
    min: stats.map((entry) => entry?.min ?? null),
    max: stats.map((entry) => entry?.max ?? null),
  };
}

/** A series with at least one value: a PC without a temperature sensor shows no temperature chart. */
export const hasValues = (series: ChartSeries) => series.values.some((value) => value !== null);

/** The view with a live sample appended (raw ranges only: hourly roll-ups are the server's to make). */
export function withSample(view: HealthSeriesView, sample: HealthSample): HealthSeriesView {
  if (view.resolution !== 'raw' || view.raw.some((known) => known.at === sample.at)) return view;
  return { ...view, raw: [...view.raw, sample].sort((a, b) => a.at - b.at) };
}
