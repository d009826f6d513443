// A horizontal bar chart, one row per group and one bar per series in it: small hand-written SVG,
// so the page needs no chart library. Each bar carries its number as text and as a tooltip.
import { formatNumber } from '../../i18n/index.js';
import { ChartFrame, axisMax, seriesClass, type ChartSeries } from './chart-frame.js';

const WIDTH = 640;
const LABEL = 150; // room for the group's name
const BAR = 14;
const GAP = 10;
const VALUE_ROOM = 40; // room for the number after the longest bar

export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  rowHeader: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
}) {
  const { labels, series } = props;
  const max = axisMax(series.flatMap((one) => one.values));
  const rowHeight = series.length * BAR + GAP;
  const height = labels.length * rowHeight + GAP;
  const scale = (value: number) => (value / max) * (WIDTH - LABEL - VALUE_ROOM);
  return (
    <ChartFrame {...props} rows={labels}>
      {({ titleId, descId }) => (
        <svg
          class="chart-svg"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          {labels.map((label, row) => {
            const top = GAP + row * rowHeight;
            return (
              <g key={label} data-bar-group={label}>
                <text class="chart-label" x={LABEL - 8} y={top + (series.length * BAR) / 2} text-anchor="end">
                  {label.length > 22 ? `${label.slice(0, 21)}…` : label}
                </text>
                {series.map((one, index) => {
                  const value = one.values[row] ?? 0;
                  const y = top + index * BAR;
                  return (
                    <g key={one.name}>
                      <rect
                        class={`chart-bar ${seriesClass(index)}`}
                        x={LABEL}
                        y={y + 1}
                        width={Math.max(scale(value), value > 0 ? 2 : 0)}
                        height={BAR - 2}
                      >
                        <title>{`${label} · ${one.name}: ${formatNumber(value)}`}</title>
                      </rect>
                      <text class="chart-value" x={LABEL + scale(value) + 4} y={y + BAR / 2}>
                        {formatNumber(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line class="chart-axis" x1={LABEL} x2={LABEL} y1={GAP / 2} y2={height - GAP / 2} />
        </svg>
      )}
    </ChartFrame>
  );
}
