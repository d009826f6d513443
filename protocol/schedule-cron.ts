// Reading a schedule's cron expression in its time zone (croner). The server checks and fires
// schedules with it, and the web console's schedule form shows the same problems and the next
// firings before anything is sent, so both read a cron expression the same way.
import { Cron } from 'croner';

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

/** The next `count` firings after `afterMs` (fewer when the expression stops firing). */
export function nextFirings(cron: string, timeZone: string, afterMs: number, count: number): number[] {
  return new Cron(cron, { timezone: timeZone, paused: true })
    .nextRuns(count, new Date(afterMs))
    .map((date) => date.getTime());
}
