// The reports page's period: presets counted back from today (weeks from Monday), the address
// read back with anything broken falling to the default, and minutes and shares as shown.
import { describe, expect, it } from 'vitest';
import {
  localToday,
  minutesParts,
  percentOf,
  presetOf,
  presetRange,
  readReportPeriod,
  reportQuery,
  reportSearch,
} from '../../console/web/state/report-period.js';

// Wednesday.
const TODAY = '2025-03-05';

describe('report period', () => {
  it('counts presets back from today, weeks from Monday, months from the 1st', () => {
    expect(presetRange('thisWeek', TODAY)).toEqual({ from: '2025-03-03', to: TODAY });
    expect(presetRange('thisWeek', '2025-03-09')).toEqual({ from: '2025-03-03', to: '2025-03-09' }); // Sunday
    expect(presetRange('thisWeek', '2025-03-03')).toEqual({ from: '2025-03-03', to: '2025-03-03' }); // Monday
    expect(presetRange('last7', TODAY)).toEqual({ from: '2025-02-27', to: TODAY });
    expect(presetRange('last30', TODAY)).toEqual({ from: '2025-02-04', to: TODAY });
    expect(presetRange('thisMonth', TODAY)).toEqual({ from: '2025-03-01', to: TODAY });
    // Across a year's end and a leap day.
    expect(presetRange('last7', '2025-01-02')).toEqual({ from: '2024-12-27', to: '2025-01-02' });
    // February 2024 has 29 days: Feb 1 … Mar 1 is 30 days.
    expect(presetRange('last30', '2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
  });

  it('names the preset a period is, if any', () => {
    expect(presetOf({ from: '2025-02-27', to: TODAY }, TODAY)).toBe('last7');
    expect(presetOf({ from: '2025-02-26', to: TODAY }, TODAY)).toBeNull();
  });

  it('reads the address back and writes only what differs from the defaults', () => {
    const period = { from: '2025-03-01', to: '2025-03-31', groupBy: 'assignee' as const };
    expect(reportSearch(period)).toBe('?from=2025-03-01&to=2025-03-31&by=assignee');
    expect(readReportPeriod(reportSearch(period), TODAY)).toEqual(period);
    expect(reportSearch({ ...period, groupBy: 'line' })).toBe('?from=2025-03-01&to=2025-03-31');
    expect(reportQuery(period)).toEqual({ from: '2025-03-01', to: '2025-03-31', groupBy: 'assignee' });
  });

  it('falls back to the last 7 days for a missing or wrong range, and to lines for a wrong grouping', () => {
    const last7 = { from: '2025-02-27', to: TODAY, groupBy: 'line' };
    expect(readReportPeriod('', TODAY)).toEqual(last7);
    expect(readReportPeriod('?from=2025-03-31&to=2025-03-01', TODAY)).toEqual(last7);
    expect(readReportPeriod('?from=2025-02-30&to=2025-03-01&by=category', TODAY)).toEqual({
      ...last7,
      groupBy: 'category',
    });
    expect(readReportPeriod('?from=2025-03-01&to=2025-03-02&by=weekday', TODAY).groupBy).toBe('line');
  });

  it('takes today from the reader’s own calendar', () => {
    expect(localToday(new Date(2025, 2, 5, 23, 59))).toBe('2025-03-05');
    expect(localToday(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });

  it('splits minutes into whole hours and minutes and shares into percentages to a tenth', () => {
    expect(minutesParts(29.6)).toEqual({ hours: 0, minutes: 30 });
    expect(minutesParts(4260)).toEqual({ hours: 71, minutes: 0 });
    expect(minutesParts(125.4)).toEqual({ hours: 2, minutes: 5 });
    expect(percentOf(0.6667)).toBe(66.7);
    expect(percentOf(1)).toBe(100);
  });
});
