// A check the server runs on a timer (SLA clocks, offline devices, job dispatch, schedules,
// retention). A failing run is logged and the next one tries again: an exception in a timer would
// otherwise take the whole server down. The timer never keeps the process alive on its own.
import type { FastifyBaseLogger } from 'fastify';

/** Retention (old health data, old recordings) runs hourly: data is kept in days, an hour late is fine. */
export const RETENTION_EVERY_MS = 3_600_000;

export interface PeriodicCheck {
  start(): void;
  stop(): void;
}

export function periodicCheck(
  check: () => void,
  options: { intervalMs: number; log: FastifyBaseLogger; what: string },
): PeriodicCheck {
  let timer: NodeJS.Timeout | null = null;
  return {
    start() {
      timer ??= setInterval(() => {
        try {
          check();
        } catch (error) {
          options.log.error({ err: error }, `${options.what} failed; will try again`);
        }
      }, options.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
