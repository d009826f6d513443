// Runs a task now and then again and again, each wait jittered so that a fleet started together
// does not collect (and send) in step. A run never overlaps the previous one.
export interface Periodic {
  setInterval(ms: number): void;
  /** Stops scheduling; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

export function runPeriodically(
  task: () => Promise<unknown>,
  options: {
    intervalMs: number;
    jitter: number;
    random?: () => number;
    onError: (error: unknown) => void;
    runNow?: boolean;
  },
): Periodic {
  const random = options.random ?? Math.random;
  let intervalMs = options.intervalMs;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<unknown> | null = null;

  const schedule = () => {
    if (stopped) return;
    const factor = 1 - options.jitter + 2 * options.jitter * random();
    timer = setTimeout(run, Math.max(1, Math.round(intervalMs * factor)));
    timer.unref();
  };
  const run = () => {
    timer = null;
    if (stopped) return;
    running = task()
      .catch(options.onError)
      .finally(() => {
        running = null;
        schedule();
      });
  };
  if (options.runNow ?? true) setImmediate(run);
  else schedule();

  return {
    setInterval(ms: number) {
      if (ms === intervalMs) return;
      intervalMs = ms;
      if (timer) {
        clearTimeout(timer);
        schedule();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
