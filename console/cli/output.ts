// Printing: aligned plain-text tables, label/value blocks, JSON. Text that came from elsewhere
// (device names from agents, audit details) is stripped of control characters, so it cannot
// drive the technician's terminal.
import { formatDuration } from '../../protocol/duration.js';

/** Where the CLI writes; tests and other embedders can pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
  /** Whether standard output is a terminal, where a progress line can be redrawn in place. */
  isTTY?: boolean;
  /** Writes to standard output as is (no line break added): for a progress line redrawn with "\r". */
  write?(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (text) => process.stdout.write(text),
  isTTY: process.stdout.isTTY === true,
  err: (text) => process.stderr.write(`${text}\n`),
  exit: (code) => process.exit(code),
};

export const jsonOption = { type: 'boolean', default: false, describe: 'print machine-readable JSON' } as const;

// C0 and C1 controls and DEL: escape sequences, carriage returns, bells.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function clean(value: unknown): string {
  if (value === null || value === undefined) return '-';
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(CONTROL, '?');
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export interface Column<Row> {
  header: string;
  value(row: Row): unknown;
}

/** Columns separated by two spaces, padded to the widest cell; the last column is not padded. */
export function printTable<Row>(io: CliIo, columns: Array<Column<Row>>, rows: readonly Row[]): void {
  const cells = [columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => clean(column.value(row))))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  for (const line of cells) {
    io.out(line.map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd());
  }
}

/** "label: value" lines with the values aligned; an empty label continues the line above. */
export function printFields(io: CliIo, fields: Array<[string, unknown]>): void {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  for (const [label, value] of fields) io.out(`${(label ? `${label}:` : '').padEnd(width)}  ${clean(value)}`);
}

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
  return `${date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${relativeTime(iso, now)})`;
}

/** "2025-01-31 15:05:09" in the technician's own time zone; the text itself when it is no date. */
export function localTime(iso: string | number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
