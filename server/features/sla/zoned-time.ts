// Wall-clock time in an IANA zone, from Intl alone.
//
// "Local" values here are wall-clock times encoded as if they were UTC milliseconds
// (Date.UTC(y, m, d, h, min)); that makes day arithmetic on them free of DST. Converting between
// instants and local values is the only place where the zone's offset rules matter.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23, because some ICU versions print midnight as "24" with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: +7_200_000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(fields.year!, fields.month! - 1, fields.day, fields.hour, fields.minute, fields.second);
  // Intl prints whole seconds, so compare with the instant cut to whole seconds.
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

export function instantToLocal(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

// Intl's formatToParts costs microseconds per call and every day boundary needs several;
// the zone rules do not change while the process runs, so resolved wall times are cached.
const WALL_TIME_CACHE_LIMIT = 100_000;
const resolvedWallTimes = new Map<string, number>();

/**
 * The instant of a wall-clock time, resolved like Temporal's "compatible" disambiguation:
 * a time that occurs twice (autumn) is the earlier one; a time skipped by the spring change
 * is moved forward by the size of the gap (02:30 in Berlin becomes 03:30 CEST).
 */
export function localToInstant(timeZone: string, localMs: number): number {
  if (timeZone === 'UTC') return localMs;
  const key = `${timeZone}|${localMs}`;
  let instant = resolvedWallTimes.get(key);
  if (instant === undefined) {
    // Bounded: opening hours repeat, so a small cache serves every ticket; forget all when full.
    if (resolvedWallTimes.size >= WALL_TIME_CACHE_LIMIT) resolvedWallTimes.clear();
    instant = resolveWallTime(timeZone, localMs);
    resolvedWallTimes.set(key, instant);
  }
  return instant;
}

function resolveWallTime(timeZone: string, localMs: number): number {
  // Offsets in force a day either side cover every transition a wall time could fall near.
  const offsetBefore = zoneOffsetMs(timeZone, localMs - DAY_MS);
  const offsetAfter = zoneOffsetMs(timeZone, localMs + DAY_MS);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => localMs - offset)
    .filter((instant) => zoneOffsetMs(timeZone, instant) === localMs - instant);
  if (matches.length > 0) return Math.min(...matches);
  return localMs - offsetBefore;
}

/** Local midnight (as a local value) of the day that contains the instant. */
export function localDayStart(timeZone: string, instantMs: number): number {
  return Math.floor(instantToLocal(timeZone, instantMs) / DAY_MS) * DAY_MS;
}

export { DAY_MS };
