// What the command-line programs print and how: the technicians' `helpline` and the employee's
// `helpline-agent` share it, so both print tables, fields and JSON alike and end alike when the
// reader of their output goes away. No Node-only imports: the streams are handed in.

/**
 * Where a CLI writes; tests and other embedders can pass their own. Function properties, not
 * methods: commands hand `io.exit` and the writers on as callbacks, detached from the object.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  exit: (code: number) => void;
  /** Whether standard output is a terminal, where a progress line can be redrawn in place. */
  isTTY?: boolean;
  /** Writes to standard output as is (no line break added): for a progress line redrawn with "\r". */
  write?: (text: string) => void;
}

/** The part of a stream (process.stdout, a socket, a test's buffer) the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A stream that reports write failures, as Node's process.stdout and process.stderr do. */
export interface ErrorReportingStream {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/** A CliIo writing lines to the given standard output and standard error. */
export function streamIo(stdout: OutputStream, stderr: OutputStream, exit: (code: number) => void): CliIo {
  return {
    out: (text) => void stdout.write(`${text}\n`),
    write: (text) => void stdout.write(text),
    isTTY: stdout.isTTY === true,
    err: (text) => void stderr.write(`${text}\n`),
    exit,
  };
}

/**
 * The status of a program whose reader went away: a Unix tool is killed by SIGPIPE there, which
 * the shell reports as 128 + 13 (what `set -o pipefail` and PIPESTATUS show for `yes | head`).
 */
export const BROKEN_PIPE_STATUS = 141;

/** A program's name (for its messages), its two output streams and how it ends. */
export interface ProgramStreams {
  name: string;
  stdout: ErrorReportingStream;
  stderr: ErrorReportingStream & OutputStream;
  /** Called detached from the object, once the reader has gone away. */
  exit: (code: number) => void;
}

/**
 * When the reader of the output goes away (`helpline ticket show 2 | head -5`), end at once with
 * BROKEN_PIPE_STATUS and nothing more said, as the other programs of a pipeline do, instead of
 * dying on the unhandled EPIPE with a stack trace. Any other write failure is said on standard
 * error (when that still works) and ends with status 1.
 */
export function endQuietlyOnBrokenPipe(program: ProgramStreams): void {
  const { stdout, stderr, exit } = program;
  stdout.on('error', (error) => {
    if (error.code === 'EPIPE') return exit(BROKEN_PIPE_STATUS);
    stderr.write(`${program.name}: cannot write to standard output: ${error.message}\n`);
    exit(1);
  });
  // Nowhere is left to say anything when standard error itself fails.
  stderr.on('error', (error) => exit(error.code === 'EPIPE' ? BROKEN_PIPE_STATUS : 1));
}

// C0 and C1 controls and DEL: escape sequences, carriage returns, bells.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text that came from elsewhere (device names from agents, audit details), made unable to drive the terminal. */
export function clean(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return printable(value).replace(CONTROL, '?');
}

/** Lines of free text (a ticket's description, a reply), each cleaned; tabs become spaces first. */
export function cleanLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => clean(line.replace(/\t/g, '    ')));
}

/** What String() prints, except that a plain object is shown as its JSON, not as "[object Object]". */
function printable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return value.toString();
  if (Array.isArray(value) || value instanceof Date || value instanceof Error) return value.toString();
  return JSON.stringify(value);
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
  const body = rows.map((row) => columns.map((column) => clean(column.value(row))));
  const cells = [columns.map((column) => column.header), ...body];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  const last = columns.length - 1;
  const pad = (cell: string, index: number) => (index === last ? cell : cell.padEnd(widths[index]!));
  for (const line of cells) io.out(line.map(pad).join('  ').trimEnd());
}

/** "label: value" lines with the values aligned; an empty label continues the line above. */
export function printFields(io: CliIo, fields: Array<[string, unknown]>): void {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  for (const [label, value] of fields) io.out(`${(label ? `${label}:` : '').padEnd(width)}  ${clean(value)}`);
}
