// What every report chart has around its picture: a heading that names the SVG, a sentence that
// describes it, the legend, and the same numbers as a table for screen readers and copying.
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import { numberText } from './report-words.js';

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

/** Colour classes chart-series-0 … chart-series-4 (reports.css); later series reuse them. */
export const seriesClass = (index: number) => `chart-series-${index % 5}`;

export function ChartFrame(props: {
  id: string;
  title: string;
  description: string;
  /** What each row of the fallback table is (a day, a group). */
  rowHeader: string;
  rows: readonly string[];
  series: readonly ChartSeries[];
  children: (labels: { titleId: string; descId: string }) => ComponentChildren;
}) {
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="chart" data-chart={props.id}>
      <h3 id={titleId} class="chart-title">
        {props.title}
      </h3>
      <p id={descId} class="chart-desc">
        {props.description}
      </p>
      {props.children({ titleId, descId })}
      <ul class="chart-legend">
        {props.series.map((series, index) => (
          <li key={series.name}>
            <span class={`chart-swatch ${seriesClass(index)}`} aria-hidden="true" />
            {series.name}
          </li>
        ))}
      </ul>
      <details class="chart-table">
        <summary>{t('reports.asTable')}</summary>
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">{props.rowHeader}</th>
              {props.series.map((series) => (
                <th scope="col" key={series.name}>
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {props.series.map((series) => (
                  <td class="num" key={series.name}>
                    {numberText(series.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A round top for an axis: 1, 2, 5, 10, 20, 50… at or above the largest value (at least 1). */
export function axisMax(values: Iterable<number>): number {
  const largest = Math.max(1, ...values);
  for (let step = 1; ; step *= 10) {
    for (const factor of [1, 2, 5]) if (step * factor >= largest) return step * factor;
  }
}
