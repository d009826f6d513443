// Sparklines for `helpline device health`: scaling, gaps and resampling of long series.
import { describe, expect, it } from 'vitest';
import { BLOCKS, resample, sparkline } from '../../console/cli/sparkline.js';

describe('sparkline', () => {
  it('draws the lowest value as ▁ and the highest as █, scaled between them', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe(BLOCKS);
    expect(sparkline([10, 20])).toBe('▁█');
  });

  it('uses a fixed scale when given, and clamps values outside it', () => {
    expect(sparkline([0, 50, 100], { min: 0, max: 100 })).toBe('▁▅█');
    expect(sparkline([3, 4], { min: 0, max: 100 })).toBe('▁▁');
    expect(sparkline([-20, 150], { min: 0, max: 100 })).toBe('▁█');
  });

  it('draws a flat series as the lowest block and gaps as spaces', () => {
    expect(sparkline([7, 7, 7])).toBe('▁▁▁');
    expect(sparkline([0, null, 100])).toBe('▁ █');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([])).toBe('');
  });

  it('is never wider than asked: long series are averaged down', () => {
    const series = Array.from({ length: 1000 }, (_, index) => index % 100);
    expect(sparkline(series)).toHaveLength(60);
    expect(sparkline(series, { width: 20 })).toHaveLength(20);
    expect(sparkline([1, 2, 3], { width: 60 })).toHaveLength(3);
  });
});

describe('resample', () => {
  it('keeps a series that fits, as a copy', () => {
    const values = [1, null, 3];
    const out = resample(values, 5);
    expect(out).toEqual([1, null, 3]);
    expect(out).not.toBe(values);
  });

  it('averages each slice, skipping gaps, and keeps all-gap slices as gaps', () => {
    expect(resample([0, 10, 20, 30], 2)).toEqual([5, 25]);
    expect(resample([0, null, null, null, 40, 60], 3)).toEqual([0, null, 50]);
  });

  it('covers every value exactly once when the length does not divide evenly', () => {
    const out = resample([1, 1, 1, 1, 1, 1, 1], 3);
    expect(out).toHaveLength(3);
    expect(out.every((value) => value === 1)).toBe(true);
    expect(resample([0, 0, 0, 0, 0, 0, 0, 0, 0, 90], 3).at(-1)).toBeGreaterThan(0);
  });
});
