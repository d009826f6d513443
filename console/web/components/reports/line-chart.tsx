// A line chart over the days of the period, one line per series, hand-written SVG. Short periods
// also get a dot per day (with its number as a tooltip); long ones only the lines, so a year of
// days stays a few elements.
import { formatNumber, locale } from '../../i18n/index.js';
import { ChartFrame, axisMax, seriesClass, type ChartSeries } from './chart-frame.js';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 14;
const TOP = 12;
const BOTTOM = 28;
/** Periods up to this many days get a dot per day. */
const DOTS_UP_TO = 62;

/** "4 Mar" in the reader's language; the date is a calendar day, so it is read as UTC. */
function dayLabel(date: string): string {
  return new Intl.DateTimeFormat(locale.value, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
}

export function LineChart(props: {
  id: string;
  title: string;
  description: string;
  rowHeader: string;
  dates: readonly string[];
  series: readonly ChartSeries[];
}) {
  const { dates, series } = props;
  const max = axisMax(series.flatMap((one) => one.values));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  // One day: its dot in the middle.
  const x = (index: number) => LEFT + (dates.length === 1 ? plotWidth / 2 : (index / (dates.length - 1)) * plotWidth);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  // Counts are whole: a middle line only where it is a whole number (not at 2.5 of 5).
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  const labelled = [...new Set([0, Math.floor((dates.length - 1) / 2), dates.length - 1])];
  return (
    <ChartFrame {...props} rows={dates}>
      {({ titleId, descId }) => (
        <svg
          class="chart-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line class="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text class="chart-label" x={LEFT - 6} y={y(tick)} text-anchor="end">
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          {labelled.map((index) => (
            <text key={index} class="chart-label" x={x(index)} y={HEIGHT - 8} text-anchor="middle">
              {dayLabel(dates[index]!)}
            </text>
          ))}
          {series.map((one, index) => (
            <g key={one.name} class={seriesClass(index)} data-series={one.name}>
              <polyline class="chart-line" points={one.values.map((value, day) => `${x(day)},${y(value)}`).join(' ')} />
              {dates.length <= DOTS_UP_TO &&
                one.values.map((value, day) => (
                  <circle key={day} class="chart-dot" cx={x(day)} cy={y(value)} r={3}>
                    <title>{`${dates[day]} · ${one.name}: ${formatNumber(value)}`}</title>
                  </circle>
                ))}
            </g>
          ))}
        </svg>
      )}
    </ChartFrame>
  );
}
