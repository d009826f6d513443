// Round-trip samples and their summary. Samples are kept whole (8 bytes each): even 10k agents
// beating every second for a minute is only a few MB, and exact percentiles beat a histogram here.

export interface LatencySummary {
  samples: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export class LatencySamples {
  private values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  summary(): LatencySummary {
    if (this.values.length === 0) return { samples: 0, p50Ms: null, p99Ms: null, maxMs: null };
    const sorted = Float64Array.from(this.values).sort();
    return {
      samples: sorted.length,
      p50Ms: round(nearestRank(sorted, 0.5)),
      p99Ms: round(nearestRank(sorted, 0.99)),
      maxMs: round(sorted[sorted.length - 1]!),
    };
  }
}

function nearestRank(sorted: Float64Array, fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Counts of things by a short reason text. */
export class Tally {
  private counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort((a, b) => b[1] - a[1]));
  }
}

/** The value at `fraction` (0.5 median, 0.9 p90) of unsorted samples, nearest rank, in ms to 0.01. */
export function percentileMs(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error('no samples');
  return round(nearestRank(Float64Array.from(values).sort(), fraction));
}
