// Replaying a shell recording in this terminal with its own timing, so it shows what the
// technician's terminal showed. The format itself is read in protocol/asciicast.ts (shared with
// the web console's player).
import { castFrames, type Cast } from '../../protocol/asciicast.js';

export interface ReplayOptions {
  /** Played this many times faster; ignored when instant. */
  speed: number;
  /** Print everything at once, without waiting. */
  instant: boolean;
  /** Writes text out; resolves once it is written, so a slow terminal is not flooded. */
  write(text: string): Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays the output events. Each is due at its own time from the start (castFrames), so timer
 * drift does not add up over a long recording.
 */
export async function replayCast(cast: Cast, options: ReplayOptions): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => performance.now());
  const start = now();
  for (const frame of castFrames(cast)) {
    if (!options.instant) {
      const wait = start + (frame.at * 1000) / options.speed - now();
      if (wait > 0) await sleep(wait);
    }
    await options.write(frame.data);
  }
}
