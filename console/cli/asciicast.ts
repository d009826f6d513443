// Shell recordings as the server keeps them: asciicast v2 (a JSON header line, then one
// [seconds, code, text] array per line), read whole and checked before any of it is played, and
// replayed with its own timing so the terminal shows what the technician's terminal showed.

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  timestamp?: number;
  /** asciicast v2: players shorten every pause to at most this many seconds. */
  idle_time_limit?: number;
}

export interface CastEvent {
  /** Seconds since the start of the recording. */
  time: number;
  /** "o" output, "i" input; other codes (markers, resizes) are kept but not played. */
  code: string;
  data: string;
}

export interface Cast {
  header: CastHeader;
  events: CastEvent[];
}

export class CastFormatError extends Error {
  override readonly name = 'CastFormatError';
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function isCastHeader(value: unknown): value is CastHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return fields.version === 2 && positive(fields.width) && positive(fields.height);
}

/** Parses a whole cast file; `what` names it in errors ("recording rec_..."). */
export function parseCast(text: string, what: string): Cast {
  const lines = text.split('\n');
  const header = parseJsonLine(lines[0] ?? '');
  if (!isCastHeader(header))
    throw new CastFormatError(
      `${what} is not an asciicast v2 recording: the first line is not a version 2 header with a width and height`,
    );
  const events: CastEvent[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const event = parseJsonLine(line);
    const valid =
      Array.isArray(event) &&
      event.length >= 3 &&
      typeof event[0] === 'number' &&
      Number.isFinite(event[0]) &&
      event[0] >= 0 &&
      typeof event[1] === 'string' &&
      typeof event[2] === 'string';
    if (!valid) throw new CastFormatError(`${what}: line ${index + 1} is not an asciicast event [seconds, code, text]`);
    events.push({ time: event[0] as number, code: event[1] as string, data: event[2] as string });
  }
  return { header, events };
}

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
 * Plays the output events ("o"); input ("i") is not echoed, as the terminal already showed its
 * echo. Each event is due at its own time from the start (pauses capped at idle_time_limit), so
 * timer drift does not add up over a long recording.
 */
export async function replayCast(cast: Cast, options: ReplayOptions): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => performance.now());
  const idleLimit = positive(cast.header.idle_time_limit) ? cast.header.idle_time_limit : Infinity;
  const start = now();
  let previous = 0;
  let playedSeconds = 0;
  for (const event of cast.events) {
    playedSeconds += Math.min(Math.max(0, event.time - previous), idleLimit);
    previous = Math.max(previous, event.time);
    if (event.code !== 'o') continue;
    if (!options.instant) {
      const wait = start + (playedSeconds * 1000) / options.speed - now();
      if (wait > 0) await sleep(wait);
    }
    await options.write(event.data);
  }
}
