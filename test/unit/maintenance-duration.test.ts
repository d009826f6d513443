// How long maintenance lasts, as people type it: the one reading the CLI, the console and the
// server share, with its limits (a minute to 30 days) and the words of each refusal.
import { describe, expect, it } from 'vitest';
import { parseMaintenanceDuration } from '../../protocol/api/maintenance.js';

describe('parseMaintenanceDuration', () => {
  it('reads minutes, hours, days and weeks', () => {
    expect(parseMaintenanceDuration('30m')).toEqual({ ms: 30 * 60_000 });
    expect(parseMaintenanceDuration('2h')).toEqual({ ms: 2 * 3_600_000 });
    expect(parseMaintenanceDuration(' 1.5h ')).toEqual({ ms: 90 * 60_000 });
    expect(parseMaintenanceDuration('1d')).toEqual({ ms: 86_400_000 });
    expect(parseMaintenanceDuration('1w')).toEqual({ ms: 7 * 86_400_000 });
    expect(parseMaintenanceDuration('30d')).toEqual({ ms: 30 * 86_400_000 });
  });

  it('refuses what is no duration, too short or too long, saying which', () => {
    expect(parseMaintenanceDuration('two hours')).toEqual({
      problem: 'the duration is a number and a unit, like 30m, 2h or 1d, not "two hours"',
    });
    expect(parseMaintenanceDuration('2')).toHaveProperty('problem', expect.stringContaining('a number and a unit'));
    expect(parseMaintenanceDuration('-2h')).toHaveProperty('problem', expect.stringContaining('a number and a unit'));
    expect(parseMaintenanceDuration('0m')).toHaveProperty('problem', expect.stringContaining('a number and a unit'));
    expect(parseMaintenanceDuration('59s')).toEqual({ problem: 'maintenance lasts at least 1 minute, not "59s"' });
    expect(parseMaintenanceDuration('31d')).toEqual({ problem: 'maintenance lasts at most 30d (30 days), not "31d"' });
    expect(parseMaintenanceDuration('5w')).toHaveProperty('problem', expect.stringContaining('at most'));
  });
});
