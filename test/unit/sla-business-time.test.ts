// Business time: adding and measuring business minutes across evenings, weekends, holidays,
// split days and DST changes. Instants are ISO text with an explicit offset, so expectations do
// not depend on the zone code under test. 2025-03-07 is a Friday.
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, WorkingInterval } from '../../protocol/api/sla.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpenAt,
  nextOpening,
} from '../../server/features/sla/business-time.js';
import { localToInstant } from '../../server/features/sla/zoned-time.js';

const at = (iso: string) => Date.parse(iso);

function officeCalendar(
  options: { timeZone?: string; holidays?: string[]; hours?: WorkingInterval[] } = {},
): BusinessCalendar {
  const hours = options.hours ?? [{ start: '08:00', end: '17:00' }];
  return {
    timeZone: options.timeZone ?? 'UTC',
    workingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
    holidays: options.holidays ?? [],
  };
}

const office = officeCalendar();

describe('addBusinessMinutes', () => {
  it('carries a Friday 16:30 start with 60 minutes over the weekend to Monday 08:30', () => {
    expect(addBusinessMinutes(office, at('2025-03-07T16:30:00Z'), 60)).toBe(at('2025-03-10T08:30:00Z'));
  });

  it('starts a Saturday ticket at Monday 08:00 and adds the target from there', () => {
    expect(addBusinessMinutes(office, at('2025-03-08T11:00:00Z'), 60)).toBe(at('2025-03-10T09:00:00Z'));
    expect(addBusinessMinutes(office, at('2025-03-09T23:59:00Z'), 240)).toBe(at('2025-03-10T12:00:00Z'));
  });

  it('rolls an evening start to the next morning', () => {
    expect(addBusinessMinutes(office, at('2025-03-11T19:00:00Z'), 30)).toBe(at('2025-03-12T08:30:00Z'));
    expect(addBusinessMinutes(office, at('2025-03-12T06:00:00Z'), 30)).toBe(at('2025-03-12T08:30:00Z'));
  });

  it('is due at closing time when the budget runs out exactly then, not the next morning', () => {
    expect(addBusinessMinutes(office, at('2025-03-11T16:00:00Z'), 60)).toBe(at('2025-03-11T17:00:00Z'));
  });

  it('spans several working days: 24 business hours from Monday 08:00 end Wednesday 14:00', () => {
    expect(addBusinessMinutes(office, at('2025-03-10T08:00:00Z'), 24 * 60)).toBe(at('2025-03-12T14:00:00Z'));
    expect(addBusinessMinutes(office, at('2025-03-10T08:00:00Z'), 45 * 60)).toBe(at('2025-03-14T17:00:00Z'));
  });

  it('skips a holiday on Monday, so Friday 16:30 + 60 minutes is due Tuesday 08:30', () => {
    const calendar = officeCalendar({ holidays: ['2025-03-10'] });
    expect(addBusinessMinutes(calendar, at('2025-03-07T16:30:00Z'), 60)).toBe(at('2025-03-11T08:30:00Z'));
  });

  it('skips a run of holidays over Christmas and New Year', () => {
    const calendar = officeCalendar({
      holidays: ['2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31', '2026-01-01'],
    });
    // Tuesday 23 Dec 16:00 + 2 h: one hour that day, the next on Monday 29 Dec.
    expect(addBusinessMinutes(calendar, at('2025-12-23T16:00:00Z'), 120)).toBe(at('2025-12-29T09:00:00Z'));
    // Tuesday 30 Dec 16:00 + 2 h: one hour that day, the next on Friday 2 Jan.
    expect(addBusinessMinutes(calendar, at('2025-12-30T16:00:00Z'), 120)).toBe(at('2026-01-02T09:00:00Z'));
  });

  it('does not count the lunch break of a split day', () => {
    const calendar = officeCalendar({
      hours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(addBusinessMinutes(calendar, at('2025-03-10T11:30:00Z'), 60)).toBe(at('2025-03-10T13:30:00Z'));
    expect(addBusinessMinutes(calendar, at('2025-03-10T12:15:00Z'), 30)).toBe(at('2025-03-10T13:30:00Z'));
    expect(addBusinessMinutes(calendar, at('2025-03-10T11:30:00Z'), 30)).toBe(at('2025-03-10T12:00:00Z'));
  });

  it('keeps the seconds of the start instant instead of rounding them away', () => {
    expect(addBusinessMinutes(office, at('2025-03-07T16:30:27.500Z'), 60)).toBe(at('2025-03-10T08:30:27.500Z'));
  });

  it('rejects a negative or non-finite number of minutes', () => {
    expect(() => addBusinessMinutes(office, 0, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, 0, Number.NaN)).toThrow(/finite number/);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time across a weekend', () => {
    expect(businessMinutesBetween(office, at('2025-03-07T16:00:00Z'), at('2025-03-10T09:00:00Z'))).toBe(120);
  });

  it('counts across a lunch break and a holiday', () => {
    const calendar = officeCalendar({
      holidays: ['2025-03-11'],
      hours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(businessMinutesBetween(calendar, at('2025-03-10T11:00:00Z'), at('2025-03-10T14:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(calendar, at('2025-03-10T16:00:00Z'), at('2025-03-12T09:00:00Z'))).toBe(120);
  });

  it('is zero inside closed time and negative when the instants are reversed', () => {
    expect(businessMinutesBetween(office, at('2025-03-08T09:00:00Z'), at('2025-03-09T18:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(office, at('2025-03-10T10:00:00Z'), at('2025-03-10T09:00:00Z'))).toBe(-60);
  });

  it('undoes addBusinessMinutes for a start inside working hours', () => {
    const start = at('2025-03-12T10:17:00Z');
    const deadline = addBusinessMinutes(office, start, 1234);
    expect(businessMinutesBetween(office, start, deadline)).toBe(1234);
  });
});

describe('opening hours', () => {
  it('is open from the opening instant up to, but not at, closing time', () => {
    expect(isOpenAt(office, at('2025-03-10T08:00:00Z'))).toBe(true);
    expect(isOpenAt(office, at('2025-03-10T16:59:59.999Z'))).toBe(true);
    expect(isOpenAt(office, at('2025-03-10T17:00:00Z'))).toBe(false);
    expect(nextOpening(office, at('2025-03-10T17:00:00Z'))).toBe(at('2025-03-11T08:00:00Z'));
  });

  it('supports a day that runs to midnight with "24:00"', () => {
    const allDay = officeCalendar({ hours: [{ start: '00:00', end: '24:00' }] });
    expect(businessMinutesBetween(allDay, at('2025-03-10T22:00:00Z'), at('2025-03-11T02:00:00Z'))).toBe(240);
    expect(addBusinessMinutes(allDay, at('2025-03-07T23:00:00Z'), 120)).toBe(at('2025-03-10T01:00:00Z'));
  });
});

describe('time zones and DST', () => {
  const berlin = officeCalendar({ timeZone: 'Europe/Berlin' });

  it('keeps 08:00–17:00 wall-clock hours over the spring change in Berlin (30 March 2025)', () => {
    // Friday in CET (+01:00), Monday in CEST (+02:00).
    expect(addBusinessMinutes(berlin, at('2025-03-28T16:30:00+01:00'), 60)).toBe(at('2025-03-31T08:30:00+02:00'));
    expect(businessMinutesBetween(berlin, at('2025-03-28T16:00:00+01:00'), at('2025-03-31T09:00:00+02:00'))).toBe(120);
    expect(nextOpening(berlin, at('2025-03-29T12:00:00+01:00'))).toBe(at('2025-03-31T06:00:00Z'));
  });

  it('keeps 08:00–17:00 wall-clock hours over the autumn change in Berlin (26 October 2025)', () => {
    expect(addBusinessMinutes(berlin, at('2025-10-24T16:30:00+02:00'), 60)).toBe(at('2025-10-27T08:30:00+01:00'));
    expect(nextOpening(berlin, at('2025-10-25T12:00:00+02:00'))).toBe(at('2025-10-27T07:00:00Z'));
  });

  it('counts the real length of a round-the-clock Sunday: 23 hours in spring, 25 in autumn', () => {
    const allWeek = { ...officeCalendar({ timeZone: 'Europe/Berlin', hours: [{ start: '00:00', end: '24:00' }] }) };
    allWeek.workingHours = { ...allWeek.workingHours, sat: allWeek.workingHours.mon, sun: allWeek.workingHours.mon };
    expect(businessMinutesBetween(allWeek, at('2025-03-30T00:00:00+01:00'), at('2025-03-31T00:00:00+02:00'))).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(allWeek, at('2025-10-26T00:00:00+02:00'), at('2025-10-27T00:00:00+01:00'))).toBe(
      25 * 60,
    );
  });

  it('applies holidays as whole days of the calendar zone, not of UTC', () => {
    const calendar = officeCalendar({ timeZone: 'Europe/Berlin', holidays: ['2025-03-31'] });
    expect(addBusinessMinutes(calendar, at('2025-03-28T16:30:00+01:00'), 60)).toBe(at('2025-04-01T08:30:00+02:00'));
  });

  it('follows a zone west of UTC over its own DST change (New York, 9 March 2025)', () => {
    const newYork = officeCalendar({ timeZone: 'America/New_York' });
    expect(addBusinessMinutes(newYork, at('2025-03-07T16:30:00-05:00'), 60)).toBe(at('2025-03-10T08:30:00-04:00'));
  });

  it('resolves wall times in the DST gap forward and doubled wall times to the earlier instant', () => {
    // 02:30 does not exist on 30 March in Berlin: it becomes 03:30 CEST.
    expect(localToInstant('Europe/Berlin', Date.UTC(2025, 2, 30, 2, 30))).toBe(at('2025-03-30T03:30:00+02:00'));
    // 02:30 happens twice on 26 October: the first one, still CEST, is meant.
    expect(localToInstant('Europe/Berlin', Date.UTC(2025, 9, 26, 2, 30))).toBe(at('2025-10-26T02:30:00+02:00'));
  });
});
