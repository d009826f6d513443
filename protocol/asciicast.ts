// Shell recordings as the server keeps them: asciicast v2 (a JSON header line, then one
// [seconds, code, text] array per line), read whole and checked before any of it is played.
// Browser-safe: the CLI's `recordings play` and the web console's player both read casts here.

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

/** One output event of a cast (or a resize, when asked for), at the moment a player shows it. */
export interface CastFrame {
  /** Seconds from the start of playback, with every pause capped at idle_time_limit. */
  at: number;
  /** Terminal output; '' for a resize. */
  data: string;
  /** The terminal's new size ("r" events, written as COLSxROWS). */
  size?: { cols: number; rows: number };
}

const RESIZE = /^(\d{1,4})x(\d{1,4})$/;

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

/**
 * The output events ("o") in playing order with the time each is due, and the resizes ("r") for
 * a player that can follow them. Input ("i") is left out, as the terminal already showed its
 * echo; pauses are capped at idle_time_limit, and an event stamped earlier than the one before
 * it is due with it (times never run backwards).
 */
export function castFrames(cast: Cast, options: { resizes?: boolean } = {}): CastFrame[] {
  const idleLimit = positive(cast.header.idle_time_limit) ? cast.header.idle_time_limit : Infinity;
  const frames: CastFrame[] = [];
  let previous = 0;
  let played = 0;
  for (const event of cast.events) {
    played += Math.min(Math.max(0, event.time - previous), idleLimit);
    previous = Math.max(previous, event.time);
    if (event.code === 'o') frames.push({ at: played, data: event.data });
    const size = options.resizes && event.code === 'r' ? RESIZE.exec(event.data) : null;
    if (size) frames.push({ at: played, data: '', size: { cols: Number(size[1]), rows: Number(size[2]) } });
  }
  return frames;
}
