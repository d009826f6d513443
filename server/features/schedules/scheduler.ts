// Fires due schedules: each firing inside its window (or with no window) makes one job per
// target device, each starting at a random moment within the spread (never past the window's
// end) and expiring when the window closes — or, with no window, a day later or at the next
// firing, whichever comes first, so an offline PC does not pile up runs. A firing outside the
// window is skipped. Missed firings (server down) are not made up; the next one is. Runs on a
// timer; tests call checkNow() with a fake clock.
import type { FastifyBaseLogger } from 'fastify';
import type { JobService } from '../jobs/service.js';
import type { ScriptStore } from '../scripts/store.js';
import type { ScheduleRow, ScheduleStore } from './store.js';
import { nextFiring } from '../../../protocol/schedule-cron.js';
import { insideWindow, windowEndAfter } from './timing.js';
import { periodicCheck } from '../../periodic-check.js';

const DAY_MS = 86_400_000;
/** A firing found later than this (server down or busy) counts as missed, unless the spread is longer. */
const MISSED_AFTER_MS = 10 * 60_000;

export function createScheduler(deps: {
  schedules: ScheduleStore;
  scripts: ScriptStore;
  jobs: JobService;
  log: FastifyBaseLogger;
  intervalMs: number;
  now: () => number;
  random?: () => number;
}) {
  const random = deps.random ?? Math.random;

  const fire = (schedule: ScheduleRow, due: number, next: number | null, at: number): boolean => {
    if (at - due > Math.max(schedule.spreadMs, MISSED_AFTER_MS)) {
      deps.log.warn(
        { schedule: schedule.name, due: new Date(due).toISOString() },
        'schedule firing missed (the server was not running); waiting for the next one',
      );
      return false;
    }
    if (schedule.window && !insideWindow(schedule.window, schedule.timeZone, due)) {
      deps.log.info(
        { schedule: schedule.name, due: new Date(due).toISOString() },
        'schedule skipped: outside its maintenance window',
      );
      return false;
    }
    const variants = deps.scripts.variants(schedule.scriptName);
    if (variants.length === 0) {
      deps.log.warn(
        { schedule: schedule.name, script: schedule.scriptName },
        'schedule skipped: its script is not in the library',
      );
      return false;
    }
    const windowEnd = schedule.window ? windowEndAfter(schedule.window, schedule.timeZone, due) : null;
    const spread = Math.max(0, Math.min(schedule.spreadMs, (windowEnd ?? Infinity) - due - 60_000));
    // A group's or a tag's devices are those of the moment it fires.
    const selection =
      schedule.targetKind === 'device'
        ? { deviceIds: [schedule.target] }
        : schedule.targetKind === 'tag'
          ? { tag: schedule.target }
          : { group: schedule.target };
    const run = deps.jobs.runPlan({
      targets: deps.jobs.targets(selection, variants),
      args: schedule.args,
      notBefore: () => due + Math.floor(random() * spread),
      expiresAt: (_device, notBefore) =>
        windowEnd ?? Math.max(notBefore + 60_000, Math.min(due + spread + DAY_MS, next ?? Infinity)),
      requestedBy: `schedule:${schedule.name}`,
      scheduleId: schedule.id,
    });
    deps.log.info({ schedule: schedule.name, runId: run.runId, jobs: run.jobs.length }, 'schedule fired');
    return true;
  };

  const checkNow = () => {
    const at = deps.now();
    for (const schedule of deps.schedules.due(at)) {
      const due = schedule.nextFireAt!;
      const next = nextFiring(schedule.cron, schedule.timeZone, Math.max(at, due));
      let fired = false;
      try {
        fired = fire(schedule, due, next, at);
      } catch (error) {
        deps.log.warn({ schedule: schedule.name, err: error }, 'schedule could not fire');
      }
      deps.schedules.recordFiring(schedule.id, fired ? due : null, next);
    }
  };

  return {
    checkNow,
    ...periodicCheck(checkNow, { intervalMs: deps.intervalMs, log: deps.log, what: 'schedule check' }),
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
