// SLA configuration: the defaults are valid, and a bad calendar, policy or matrix gets errors
// that say what is wrong and where. Priority from impact and urgency through the matrix.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_PRIORITY_MATRIX,
  DEFAULT_SLA_POLICY,
  checkBusinessCalendar,
  checkPriorityMatrix,
  checkSlaPolicy,
  type BusinessCalendar,
  type PriorityMatrix,
} from '../../protocol/api/sla.js';
import { defaultPriorityFor, priorityFor } from '../../server/features/sla/priority.js';

function calendarWith(changes: Partial<BusinessCalendar> & { mon?: unknown }): unknown {
  const { mon, ...rest } = changes;
  const workingHours =
    mon === undefined ? DEFAULT_BUSINESS_CALENDAR.workingHours : { ...DEFAULT_BUSINESS_CALENDAR.workingHours, mon };
  return { ...DEFAULT_BUSINESS_CALENDAR, workingHours, ...rest };
}

const errorsOf = (checked: { ok: true } | { ok: false; errors: string[] }) => (checked.ok ? [] : checked.errors);

describe('calendar and policy validation', () => {
  it('accepts the defaults, a split day, a day to 24:00 and a Berlin calendar with holidays', () => {
    expect(checkSlaPolicy(DEFAULT_SLA_POLICY).ok).toBe(true);
    const split = calendarWith({
      timeZone: 'Europe/Berlin',
      holidays: ['2025-12-25'],
      mon: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '24:00' },
      ],
    });
    expect(errorsOf(checkBusinessCalendar(split))).toEqual([]);
  });

  it('names an interval whose start is not before its end', () => {
    expect(errorsOf(checkBusinessCalendar(calendarWith({ mon: [{ start: '17:00', end: '08:00' }] })))).toEqual([
      '/workingHours/mon/0 starts at 17:00, which is not before its end 08:00',
    ]);
  });

  it('names overlapping or unsorted intervals', () => {
    const overlapping = calendarWith({
      mon: [
        { start: '08:00', end: '12:30' },
        { start: '12:00', end: '17:00' },
      ],
    });
    expect(errorsOf(checkBusinessCalendar(overlapping))).toEqual([
      '/workingHours/mon/1 starts at 12:00, before the previous interval ends; list intervals in order, without overlap',
    ]);
    const unsorted = calendarWith({
      mon: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    });
    expect(errorsOf(checkBusinessCalendar(unsorted))[0]).toMatch(/^\/workingHours\/mon\/1 starts at 08:00/);
  });

  it('rejects an unknown time zone, an impossible holiday and a week without opening hours, all at once', () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const errors = errorsOf(
      checkBusinessCalendar({ timeZone: 'Europe/Atlantis', workingHours: closed, holidays: ['2025-02-30'] }),
    );
    expect(errors).toEqual([
      '/timeZone "Europe/Atlantis" is not a known IANA time zone (e.g. "Europe/Berlin")',
      '/workingHours has no opening hours on any weekday',
      '/holidays/0 "2025-02-30" is not a real date',
    ]);
  });

  it('reports malformed times and missing weekdays by path', () => {
    expect(errorsOf(checkBusinessCalendar(calendarWith({ mon: [{ start: '8:00', end: '17:00' }] })))[0]).toMatch(
      /^\/workingHours\/mon\/0\/start /,
    );
    expect(errorsOf(checkBusinessCalendar({ ...DEFAULT_BUSINESS_CALENDAR, holidays: ['25.12.2025'] }))[0]).toMatch(
      /^\/holidays\/0 /,
    );
    const { sun: _sun, ...sixDays } = DEFAULT_BUSINESS_CALENDAR.workingHours;
    expect(errorsOf(checkBusinessCalendar({ ...DEFAULT_BUSINESS_CALENDAR, workingHours: sixDays }))[0]).toMatch(
      /workingHours/,
    );
  });

  it('rejects a warning share outside (0, 1) and a first response slower than the resolution', () => {
    expect(errorsOf(checkSlaPolicy({ ...DEFAULT_SLA_POLICY, warnAtShare: 1 }))[0]).toMatch(/^\/warnAtShare /);
    const targets = { ...DEFAULT_SLA_POLICY.targets, '2': { firstResponseMinutes: 600, resolutionMinutes: 480 } };
    expect(errorsOf(checkSlaPolicy({ ...DEFAULT_SLA_POLICY, targets }))).toEqual([
      '/targets/2 wants a first response in 600 minutes, later than the resolution in 480',
    ]);
  });

  it('prefixes calendar errors inside a policy with /calendar', () => {
    const policy = { ...DEFAULT_SLA_POLICY, calendar: { ...DEFAULT_BUSINESS_CALENDAR, timeZone: 'Mars/Olympus' } };
    expect(errorsOf(checkSlaPolicy(policy))[0]).toMatch(/^\/calendar\/timeZone "Mars\/Olympus"/);
  });
});

describe('priority matrix', () => {
  it('gives the ITIL-style default: 1 for widespread and critical, 5 for minor and low, symmetric', () => {
    expect(defaultPriorityFor(1, 1)).toBe(1);
    expect(defaultPriorityFor(5, 5)).toBe(5);
    expect(defaultPriorityFor(3, 3)).toBe(3);
    expect(defaultPriorityFor(1, 5)).toBe(3);
    for (let impact = 1; impact <= 5; impact += 1) {
      for (let urgency = 1; urgency <= 5; urgency += 1)
        expect(defaultPriorityFor(impact, urgency)).toBe(defaultPriorityFor(urgency, impact));
    }
    expect(checkPriorityMatrix(DEFAULT_PRIORITY_MATRIX).ok).toBe(true);
  });

  it('reads a configured matrix by impact row and urgency column', () => {
    const matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]);
    matrix[1]![3] = 1;
    expect(priorityFor(matrix, 2, 4)).toBe(1);
    expect(priorityFor(matrix, 4, 2)).toBe(3);
  });

  it('rejects impact or urgency off the 1..5 scale with a clear message', () => {
    expect(() => priorityFor(DEFAULT_PRIORITY_MATRIX, 0, 3)).toThrow(
      'impact must be a whole number from 1 (highest) to 5 (lowest), got 0',
    );
    expect(() => priorityFor(DEFAULT_PRIORITY_MATRIX, 3, 6)).toThrow(/^urgency must be/);
    expect(() => priorityFor(DEFAULT_PRIORITY_MATRIX, 2.5, 3)).toThrow(RangeError);
  });

  it('rejects a matrix that is not 5×5 of priorities 1..5', () => {
    expect(checkPriorityMatrix([[1, 2, 3, 4, 5]]).ok).toBe(false);
    expect(
      errorsOf(
        checkPriorityMatrix(DEFAULT_PRIORITY_MATRIX.map((row, index) => (index === 2 ? [2, 2, 9, 3, 4] : row))),
      )[0],
    ).toMatch(/^\/2\/2 /);
    expect(() => priorityFor([[1, 2, 3, 4, 5]] as PriorityMatrix, 3, 3)).toThrow(/malformed/);
  });
});
