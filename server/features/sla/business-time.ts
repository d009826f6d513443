// Business time of a calendar: adding business minutes to an instant, and measuring them between two.
//
// Opening hours are wall-clock times in the calendar's zone, so each day's intervals are turned
// into instants day by day; a day of 23 or 25 hours (DST) therefore keeps its 08:00–17:00. Business
// time is real elapsed time inside those intervals. Everything is exact to the millisecond; the
// SLA clock decides how to round for people.
import { WEEKDAYS, minutesOfDay, type BusinessCalendar, type WorkingInterval } from '../../../protocol/api/sla.js';
import { DAY_MS, localDayStart, localToInstant } from './zoned-time.js';

export const MINUTE_MS = 60_000;

/** An open stretch of time, as instants: [startMs, endMs). */
export type OpenInterval = readonly [startMs: number, endMs: number];

/**
 * Sixty years of days: a calendar that passes validation opens at least weekly, so only a
 * holiday list covering decades could get here; it must fail loudly rather than spin.
 */
const MAX_DAYS_SCANNED = 366 * 60;

// Date.getUTCDay() numbers Sunday 0; WEEKDAYS starts on Monday.
const weekdayOfLocal = (localDay: number) => WEEKDAYS[(new Date(localDay).getUTCDay() + 6) % 7]!;
const isoDateOfLocal = (localDay: number) => new Date(localDay).toISOString().slice(0, 10);

function openIntervalsOfDay(
  calendar: BusinessCalendar,
  holidays: ReadonlySet<string>,
  localDay: number,
): OpenInterval[] {
  if (holidays.has(isoDateOfLocal(localDay))) return [];
  const toInstant = (time: string) => localToInstant(calendar.timeZone, localDay + minutesOfDay(time) * MINUTE_MS);
  return calendar.workingHours[weekdayOfLocal(localDay)].map(
    (interval: WorkingInterval) => [toInstant(interval.start), toInstant(interval.end)] as const,
  );
}

/**
 * The calendar's open intervals that end after `fromMs`, in order, the first one cut to start
 * no earlier than `fromMs`. Endless: callers stop when they have what they need.
 */
export function* openIntervalsFrom(calendar: BusinessCalendar, fromMs: number): Generator<OpenInterval> {
  const holidays = new Set(calendar.holidays);
  let localDay = localDayStart(calendar.timeZone, fromMs);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned += 1, localDay += DAY_MS) {
    for (const [start, end] of openIntervalsOfDay(calendar, holidays, localDay)) {
      // Zero-length intervals come from hours that fall inside a DST gap.
      if (end > fromMs && end > start) yield [Math.max(start, fromMs), end];
    }
  }
  throw new Error(
    `calendar in ${calendar.timeZone} has no opening hours in ${MAX_DAYS_SCANNED} days after ${new Date(fromMs).toISOString()}`,
  );
}

/** The instant at which `businessMs` of open time have passed since `startMs`. */
export function addBusinessMs(calendar: BusinessCalendar, startMs: number, businessMs: number): number {
  let remaining = businessMs;
  for (const [start, end] of openIntervalsFrom(calendar, startMs)) {
    // `<=` so that a budget used up exactly at closing time is due at closing, not next morning.
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new Error('unreachable: openIntervalsFrom never ends without throwing');
}

/**
 * Deadline for `minutes` business minutes from `startMs`. Starting outside working hours rolls
 * to the next opening; 0 minutes gives that opening (or `startMs` itself when open).
 */
export function addBusinessMinutes(calendar: BusinessCalendar, startMs: number, minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`business minutes must be a finite number ≥ 0, got ${minutes}`);
  return addBusinessMs(calendar, startMs, Math.round(minutes * MINUTE_MS));
}

/** Open time between two instants, in milliseconds; negative when `toMs` is before `fromMs`. */
export function businessMsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) return -businessMsBetween(calendar, toMs, fromMs);
  let total = 0;
  for (const [start, end] of openIntervalsFrom(calendar, fromMs)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/** Business minutes between two instants, exact (fractional when the instants are not on whole minutes). */
export function businessMinutesBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  return businessMsBetween(calendar, fromMs, toMs) / MINUTE_MS;
}

/** The first instant at or after `instantMs` at which the calendar is open. */
export function nextOpening(calendar: BusinessCalendar, instantMs: number): number {
  return addBusinessMs(calendar, instantMs, 0);
}

export function isOpenAt(calendar: BusinessCalendar, instantMs: number): boolean {
  return nextOpening(calendar, instantMs) === instantMs;
}
