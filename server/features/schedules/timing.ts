// When a schedule's jobs may start: the daily maintenance window, which may cross midnight, in
// the schedule's time zone. When it fires (its cron expression) is protocol/schedule-cron.ts.
import { DAY_MS, instantToLocal, localToInstant } from '../sla/zoned-time.js';

export interface DailyWindow {
  start: string;
  end: string;
}

const MINUTE_MS = 60_000;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether the instant lies inside the daily window (start inclusive, end exclusive). */
export function insideWindow(window: DailyWindow, timeZone: string, instantMs: number): boolean {
  const minute = Math.floor((((instantToLocal(timeZone, instantMs) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return true;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The end of the window that contains the instant (the next time the end clock time comes). */
export function windowEndAfter(window: DailyWindow, timeZone: string, instantMs: number): number {
  const local = instantToLocal(timeZone, instantMs);
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  let end = dayStart + minutesOf(window.end) * MINUTE_MS;
  if (end <= local) end += DAY_MS;
  return localToInstant(timeZone, end);
}
