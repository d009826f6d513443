// Runs the OS tools that the software and services collectors read. Collectors take a `Run`, so
// tests replay recorded output; the default runs the real program directly, without a shell.
import { execFile, type ExecFileException } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Runs `file` with `args` and resolves with its standard output; rejects with a CommandError. */
export type Run = (file: string, args: string[]) => Promise<string>;

export interface RunLimits {
  /** The program is killed after this long. */
  timeoutMs: number;
  /** Standard output beyond this is an error, not a truncated inventory. */
  maxBufferBytes: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = { timeoutMs: 20_000, maxBufferBytes: 32 * 1024 * 1024 };

/** Why a program gave no usable output; `notFound` when it could not be started at all. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly notFound: boolean,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

function describeFailure(file: string, error: ExecFileException, stderr: string, limits: RunLimits): CommandError {
  if (error.code === 'ENOENT') return new CommandError(`${file} was not found`, true);
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new CommandError(`${file} printed more than ${limits.maxBufferBytes} bytes`, false);
  }
  if (error.killed) return new CommandError(`${file} did not finish within ${limits.timeoutMs} ms`, false);
  const detail = firstLine(stderr) || error.message;
  const how =
    typeof error.code === 'number' ? `exit code ${error.code}` : error.signal ? `signal ${error.signal}` : 'error';
  return new CommandError(`${file} failed (${how}): ${detail}`, false);
}

export function createRun(limits: Partial<RunLimits> = {}): Run {
  const effective: RunLimits = { ...DEFAULT_RUN_LIMITS, ...limits };
  return (file, args) =>
    new Promise((resolve, reject) => {
      execFile(
        file,
        args,
        { encoding: 'utf8', timeout: effective.timeoutMs, maxBuffer: effective.maxBufferBytes, windowsHide: true },
        (error, stdout, stderr) => {
          if (error) reject(describeFailure(file, error, stderr, effective));
          else resolve(stdout);
        },
      );
    });
}

export const defaultRun: Run = createRun();

/** Text for a collector's `warnings`: which tool, and what went wrong. */
export function warningFor(tool: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(tool) ? message : `${tool}: ${message}`;
}

/** Whether `name` is an executable file in one of the directories of `searchPath` (POSIX). */
export function isOnPath(name: string, searchPath: string): boolean {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const stats = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stats?.isFile() && (stats.mode & 0o111) !== 0) return true;
  }
  return false;
}

/**
 * Looks programs up the way execFile will find them: in the process's PATH. Reading the
 * environment here is the program lookup the OS does anyway, not configuration.
 */
export function pathLookup(searchPath: string = process.env['PATH'] ?? ''): (name: string) => boolean {
  return (name) => isOnPath(name, searchPath);
}
