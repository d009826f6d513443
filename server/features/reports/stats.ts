// Small statistics for reports, with definitions a person can redo by hand.

/**
 * Nearest-rank percentile: the value at rank ceil(p/100 · n) (1-based) of the values sorted
 * ascending; always one of the values, never an interpolation. null for no values.
 * The median is nearestRank(values, 50): the lower middle value when n is even.
 */
export function nearestRank(values: readonly number[], percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100)
    throw new RangeError(`percent must be a whole number 1..100, got ${percent}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // percent and n are integers, so percent · n / 100 is exact whenever it is a whole number.
  const rank = Math.ceil((percent * sorted.length) / 100);
  return sorted[rank - 1]!;
}

/** Rounds to `decimals` places; null stays null. */
export function rounded(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** part / whole to `decimals` places; null when there is nothing to divide by. */
export function share(part: number, whole: number, decimals = 4): number | null {
  return whole === 0 ? null : rounded(part / whole, decimals);
}

export function average(values: readonly number[], decimals = 2): number | null {
  return values.length === 0 ? null : rounded(values.reduce((sum, value) => sum + value, 0) / values.length, decimals);
}
