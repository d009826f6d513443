// Flag values that yargs cannot check by itself, parsed so the error quotes what was typed.
import { formatDuration, parseDuration } from '../../protocol/duration.js';
import { UsageError } from './errors.js';

const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 90 * 86_400_000;

/** --ttl as the API wants it (whole seconds), with the limits said in the user's own terms. */
export function ttlSeconds(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new UsageError(`--ttl takes a duration like 30m, 12h or 7d, not "${text}"`);
  if (ms < MIN_TTL_MS || ms > MAX_TTL_MS) throw new UsageError(`--ttl must be between ${formatDuration(MIN_TTL_MS)} and ${formatDuration(MAX_TTL_MS)}, not ${text}`);
  return Math.ceil(ms / 1000);
}

/** A count flag, taken as text so the error can quote what was typed. */
export function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} takes a whole number of 1 or more, not "${text}"`);
  return value;
}
