// One remote shell on this PC: a pseudo-terminal (node-pty) whose output is handed out in
// bounded chunks and paused while too much is unacknowledged, so a flood never piles up in
// memory. It ends on the shell's own exit, on close, when idle too long or past its maximum
// length — and then the whole process group goes, so nothing is left running on the PC.
import * as pty from 'node-pty';
import {
  SHELL_CHUNK_BYTES,
  SHELL_MAX_SIZE,
  SHELL_MIN_SIZE,
  SHELL_OUTPUT_WINDOW,
  type ShellOpen,
} from '../../protocol/messages/shell.js';
import { killTree } from '../jobs/run-script.js';
import { EXIT_MARKER_PREFIX, EXIT_MARKER_SUFFIX, pickShell, type ShellProgram } from './shells.js';

export interface ShellEnd {
  exitCode: number | null;
  signal: number | null;
  reason: string | null;
  bytesIn: number;
  bytesOut: number;
}

export interface ShellSessionHooks {
  output(chunk: Buffer): void;
  exit(end: ShellEnd): void;
}

export interface ShellSession {
  readonly pid: number;
  readonly shell: string;
  /** False when the session has ended (input after exit is dropped). */
  input(data: Buffer): boolean;
  resize(cols: number, rows: number): boolean;
  ack(bytes: number): void;
  close(reason: string): void;
}

/** How many bytes at the end of `data` are the start of `prefix` (0 when none). */
function partialPrefixAtEnd(data: Buffer, prefix: Buffer): number {
  for (let length = Math.min(prefix.length - 1, data.length); length > 0; length--) {
    if (data.subarray(data.length - length).equals(prefix.subarray(0, length))) return length;
  }
  return 0;
}

const validSize = (cols: number, rows: number) =>
  Number.isInteger(cols) &&
  Number.isInteger(rows) &&
  cols >= SHELL_MIN_SIZE.cols &&
  rows >= SHELL_MIN_SIZE.rows &&
  cols <= SHELL_MAX_SIZE.cols &&
  rows <= SHELL_MAX_SIZE.rows;

/** A clean environment for the shell: what a login would give, not the agent's own settings. */
function shellEnvironment(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'LANG',
    'SystemRoot',
    'SYSTEMROOT',
    'windir',
    'ComSpec',
    'PATHEXT',
    'USERPROFILE',
    'TEMP',
    'TMP',
  ];
  const env: Record<string, string> = { TERM: 'xterm-256color' };
  for (const name of kept) if (from[name] !== undefined) env[name] = from[name]!;
  return env;
}

export function startShellSession(
  open: ShellOpen,
  hooks: ShellSessionHooks,
  options: { shells?: ShellProgram[]; cwd?: string; runAs?: { uid: number; gid: number } } = {},
): ShellSession | { refused: string } {
  if (!validSize(open.cols, open.rows)) return { refused: `terminal size ${open.cols}×${open.rows} is out of bounds` };
  const shell = pickShell(open.shell, options.shells);
  if ('refused' in shell) return shell;
  const terminal = pty.spawn(shell.file, open.exec === undefined ? [] : shell.execArgs(open.exec), {
    name: 'xterm-256color',
    // Raw bytes both ways: terminal output is not always valid UTF-8.
    encoding: null,
    cols: open.cols,
    rows: open.rows,
    // Another account may not enter the agent's home directory; / is open to everyone.
    cwd: options.cwd ?? (options.runAs ? '/' : (process.env.HOME ?? process.cwd())),
    env: shellEnvironment(),
    // A less privileged local account, when the agent's config names one (Unix only).
    ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
  });
  let unacked = 0;
  let paused = false;
  let ended = false;
  let endReason: string | null = null;
  let bytesIn = 0;
  let bytesOut = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  // With a marked command: the status from the exit marker, and the bytes held back in case they
  // are the start of a marker split across two reads.
  const watchMarker = open.exec !== undefined && shell.marksExit;
  let markedStatus: number | null = null;
  let held: Buffer = Buffer.alloc(0);
  const touch = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () => close(`idle for ${Math.round(open.idleTimeoutMs / 60_000)} min without input or output`),
      open.idleTimeoutMs,
    );
    idleTimer.unref();
  };
  const longest = setTimeout(
    () => close(`reached the maximum session length of ${Math.round(open.maxDurationMs / 60_000)} min`),
    open.maxDurationMs,
  );
  longest.unref();

  const close = (reason: string) => {
    if (ended) return;
    endReason ??= reason;
    // The terminal's process group holds the shell and everything it started.
    killTree(terminal.pid);
  };

  const emit = (bytes: Buffer) => {
    for (let offset = 0; offset < bytes.length; offset += SHELL_CHUNK_BYTES) {
      const chunk = bytes.subarray(offset, offset + SHELL_CHUNK_BYTES);
      bytesOut += chunk.length;
      unacked += chunk.length;
      hooks.output(chunk);
    }
  };
  const prefix = Buffer.from(EXIT_MARKER_PREFIX);
  /** Passes output on, minus the exit marker; on the marker, ends the session with its status. */
  const scan = (bytes: Buffer) => {
    if (!watchMarker || markedStatus !== null) return emit(bytes);
    const data = held.length ? Buffer.concat([held, bytes]) : bytes;
    held = Buffer.alloc(0);
    const at = data.indexOf(prefix);
    if (at >= 0) {
      const end = data.indexOf(EXIT_MARKER_SUFFIX, at + prefix.length);
      if (end < 0) {
        emit(data.subarray(0, at));
        held = Buffer.from(data.subarray(at));
        return;
      }
      emit(data.subarray(0, at));
      markedStatus = Number(data.subarray(at + prefix.length, end).toString()) || 0;
      killTree(terminal.pid);
      return;
    }
    // Hold back a tail that could be the beginning of a marker (rare: it starts with ESC ]).
    const partial = partialPrefixAtEnd(data, prefix);
    emit(data.subarray(0, data.length - partial));
    held = Buffer.from(data.subarray(data.length - partial));
  };

  // With `encoding: null` node-pty hands over Buffers, though its types still say string.
  terminal.onData((data: string | Buffer) => {
    scan(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    touch();
    if (!paused && unacked >= SHELL_OUTPUT_WINDOW) {
      paused = true;
      terminal.pause();
    }
  });
  terminal.onExit(({ exitCode, signal }) => {
    ended = true;
    if (idleTimer) clearTimeout(idleTimer);
    clearTimeout(longest);
    // Background jobs the shell left behind go with it.
    killTree(terminal.pid);
    if (held.length) emit(held);
    if (markedStatus !== null)
      return hooks.exit({ exitCode: markedStatus, signal: null, reason: null, bytesIn, bytesOut });
    hooks.exit({ exitCode: endReason ? null : exitCode, signal: signal || null, reason: endReason, bytesIn, bytesOut });
  });
  touch();

  return {
    pid: terminal.pid,
    shell: shell.name,
    input(data: Buffer): boolean {
      if (ended) return false;
      bytesIn += data.length;
      terminal.write(data);
      touch();
      return true;
    },
    resize(cols: number, rows: number): boolean {
      if (ended || !validSize(cols, rows)) return false;
      terminal.resize(cols, rows);
      return true;
    },
    ack(bytes: number): void {
      unacked = Math.max(0, unacked - bytes);
      // Resume at half the window, so it does not stop and start on every chunk.
      if (paused && unacked <= SHELL_OUTPUT_WINDOW / 2 && !ended) {
        paused = false;
        terminal.resume();
      }
    },
    close,
  };
}
