// Nearest-rank percentiles and the rounding rules the KPI report documents.
import { describe, expect, it } from 'vitest';
import { average, nearestRank, rounded, share } from '../../server/features/reports/stats.js';

describe('nearestRank', () => {
  // The textbook example: 15 20 35 40 50.
  const values = [50, 15, 40, 20, 35];

  it('takes the value at rank ceil(p/100 · n) of the sorted values', () => {
    expect(nearestRank(values, 5)).toBe(15); // ceil(0.25) = 1
    expect(nearestRank(values, 30)).toBe(20); // ceil(1.5) = 2
    expect(nearestRank(values, 40)).toBe(20); // ceil(2) = 2
    expect(nearestRank(values, 50)).toBe(35); // ceil(2.5) = 3
    expect(nearestRank(values, 100)).toBe(50);
  });

  it('gives the lower middle value as the median of an even count, never an interpolation', () => {
    expect(nearestRank([4, 1, 3, 2], 50)).toBe(2); // ceil(2) = 2
    expect(nearestRank([10, 20], 50)).toBe(10);
  });

  it('lands exactly on whole ranks (p90 of ten values is the ninth)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank([...ten, 11], 90)).toBe(10); // ceil(9.9) = 10
    expect(
      nearestRank(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
  });

  it('is null for no values and refuses a percent outside 1..100', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(() => nearestRank(values, 0)).toThrow(RangeError);
    expect(() => nearestRank(values, 101)).toThrow(RangeError);
    expect(() => nearestRank(values, 12.5)).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    nearestRank(values, 50);
    expect(values).toEqual([50, 15, 40, 20, 35]);
  });
});

describe('rounding', () => {
  it('rounds shares to 4 places and averages to 2, null when there is nothing to count', () => {
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 0)).toBeNull();
    expect(average([5, 2, 4])).toBe(3.67);
    expect(average([])).toBeNull();
    expect(rounded(12.345, 1)).toBe(12.3);
    expect(rounded(null, 1)).toBeNull();
  });
});
