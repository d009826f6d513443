// Printing: aligned plain-text tables, label/value blocks, JSON (shared with the agent's CLI, in
// protocol/cli-output.ts), and times as a technician reads them. Text that came from elsewhere
// (device names from agents, audit details) is stripped of control characters, so it cannot
// drive the technician's terminal.
import { streamIo, type CliIo } from '../../protocol/cli-output.js';
import { formatDuration } from '../../protocol/duration.js';

// The printing both CLIs share lives in protocol (the agent may not import console/); the names
// stay importable from here, as every command file does.
export {
  clean,
  cleanLines,
  printFields,
  printJson,
  printTable,
  type CliIo,
  type Column,
} from '../../protocol/cli-output.js';

export const processIo: CliIo = streamIo(process.stdout, process.stderr, (code) => process.exit(code));

export const jsonOption = { type: 'boolean', default: false, describe: 'print machine-readable JSON' } as const;

/** "3m ago" / "in 30m" relative to now; "never" for null. */
export function relativeTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return 'never';
  const delta = Date.parse(iso) - now;
  if (Number.isNaN(delta)) return iso;
  if (Math.abs(delta) < 1000) return 'just now';
  return delta < 0 ? `${formatDuration(-delta)} ago` : `in ${formatDuration(delta)}`;
}

/** "2025-01-31 14:05:09 UTC (3m ago)"; "never" for null. */
export function timeWithRelative(iso: string | null, now = Date.now()): string {
  if (iso === null) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')} (${relativeTime(iso, now)})`;
}

/** "2025-01-31 15:05:09" in the technician's own time zone; the text itself when it is no date. */
export function localTime(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
