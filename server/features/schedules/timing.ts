// When a schedule fires and when its jobs may start: the cron expression (croner) in the
// schedule's time zone, and the daily maintenance window, which may cross midnight.
import { Cron } from 'croner';
import { DAY_MS, instantToLocal, localToInstant } from '../sla/zoned-time.js';

export interface DailyWindow {
  start: string;
  end: string;
}

const MINUTE_MS = 60_000;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Why a cron expression or time zone is not usable, or null when it is. */
export function scheduleTimingProblem(cron: string, timeZone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return `unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin or UTC`;
  }
  if (cron.trim().split(/\s+/).length !== 5)
    return `cron expression "${cron}" must have five fields: minute hour day-of-month month day-of-week`;
  try {
    new Cron(cron, { timezone: timeZone, paused: true });
  } catch (error) {
    return `cron expression "${cron}" does not parse: ${(error as Error).message}`;
  }
  return null;
}

/** The first firing strictly after `afterMs`, or null when the expression never fires again. */
export function nextFiring(cron: string, timeZone: string, afterMs: number): number | null {
  const next = new Cron(cron, { timezone: timeZone, paused: true }).nextRun(new Date(afterMs));
  return next ? next.getTime() : null;
}

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
