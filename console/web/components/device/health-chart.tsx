// One health metric over time, drawn by uPlot on a canvas. uPlot (and its stylesheet) is loaded
// the first time a chart is shown, so the fleet page's bundle does not carry it. The canvas is a
// picture: its figures are also given as text beside it (the health tab's latest values) and in
// the chart's accessible name.
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { timeTickLabels } from './chart-time.js';

let uplotModule: Promise<typeof uPlot> | null = null;
function loadUplot(): Promise<typeof uPlot> {
  uplotModule ??= import('./uplot-module.js').then((module) => module.default);
  return uplotModule;
}

export interface ChartSeries {
  /** Seconds since the epoch, ascending. */
  times: number[];
  values: Array<number | null>;
  /** Hourly roll-ups: the band between each hour's lowest and highest. */
  min?: Array<number | null>;
  max?: Array<number | null>;
}

const HEIGHT = 150;
/** Tick steps of the time axis, in seconds: from a second to a week. */
const TIME_STEPS = [
  1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
];

export function HealthChart(props: {
  label: string;
  unit: string;
  series: ChartSeries;
  /** The top of the y axis when the metric has one (100 for percentages). */
  top?: number;
  color: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const { series, unit } = props;

  useEffect(() => {
    let cancelled = false;
    const element = box.current;
    if (!element) return;
    let resize: ResizeObserver | null = null;
    void loadUplot().then((UPlot) => {
      if (cancelled) return;
      const band = series.min && series.max;
      const data: uPlot.AlignedData = band
        ? [series.times, series.values, series.min!, series.max!]
        : [series.times, series.values];
      const line = { stroke: props.color, width: 1.5, spanGaps: false, points: { show: series.times.length < 3 } };
      const edge = { stroke: 'transparent', points: { show: false } };
      chart.current = new UPlot(
        {
          width: element.clientWidth || 400,
          height: HEIGHT,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { y: props.top === undefined ? { auto: true } : { range: [0, props.top] } },
          axes: [
            {
              stroke: '#5d6878',
              grid: { stroke: '#eceef2' },
              // Whole seconds at the finest, and room for a label of ours between ticks.
              incrs: TIME_STEPS,
              space: 90,
              values: (_u, ticks, _axis, _space, step) => timeTickLabels(ticks, step),
            },
            {
              stroke: '#5d6878',
              grid: { stroke: '#eceef2' },
              size: 56,
              values: (_u, ticks) => ticks.map((tick) => `${tick}${unit}`),
            },
          ],
          series: band ? [{}, { ...line, label: props.label }, edge, edge] : [{}, { ...line, label: props.label }],
          ...(band ? { bands: [{ series: [3, 2] as [number, number], fill: `${props.color}22` }] } : {}),
        },
        data,
        element,
      );
      resize = new ResizeObserver(() => chart.current?.setSize({ width: element.clientWidth, height: HEIGHT }));
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
    // The label changes with the language: redraw then, so the time axis speaks it too.
  }, [series, props.top, props.color, props.label, unit]);

  return <div class="chart" ref={box} role="img" aria-label={props.label} />;
}
