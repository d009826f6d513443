// Sparklines: a series of numbers drawn as one line of block characters, for terminal charts.
// Gaps (null) stay blank; long series are averaged down to the width that fits.

export const BLOCKS = '▁▂▃▄▅▆▇█';

/** Averages a series down to at most `width` points; a point with no values in its slice is null. */
export function resample(values: ReadonlyArray<number | null>, width: number): Array<number | null> {
  const columns = Math.max(1, Math.floor(width));
  if (values.length <= columns) return [...values];
  const out: Array<number | null> = [];
  for (let column = 0; column < columns; column++) {
    const start = Math.floor((column * values.length) / columns);
    const end = Math.floor(((column + 1) * values.length) / columns);
    const present = values
      .slice(start, end)
      .filter((value): value is number => value !== null && Number.isFinite(value));
    out.push(present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length);
  }
  return out;
}

export interface SparklineOptions {
  /** At most this many characters (default 60). */
  width?: number;
  /** Value drawn as the lowest block; default the smallest value in the series. */
  min?: number;
  /** Value drawn as the highest block; default the largest value in the series. */
  max?: number;
}

/**
 * "▁▂▅█▃" for [0, 10, 50, 100, 30] on a 0–100 scale. Values outside min–max are clamped; when
 * min equals max every value is drawn as the lowest block. Null draws a space.
 */
export function sparkline(values: ReadonlyArray<number | null>, options: SparklineOptions = {}): string {
  const points = resample(values, options.width ?? 60);
  const present = points.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return ' '.repeat(points.length);
  const min = options.min ?? Math.min(...present);
  const max = options.max ?? Math.max(...present);
  const span = max - min;
  const top = BLOCKS.length - 1;
  return points
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return ' ';
      const level = span > 0 ? Math.round(((value - min) / span) * top) : 0;
      return BLOCKS[Math.min(top, Math.max(0, level))];
    })
    .join('');
}
