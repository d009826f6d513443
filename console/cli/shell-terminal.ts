// This terminal's side of an interactive remote shell: raw keystrokes out, the window size
// followed, output written with back-pressure, and the terminal put back as it was however the
// session ends — even when this program is killed by a signal while in raw mode.
import { spawnSync } from 'node:child_process';
import type { ShellConnection } from './shell-client.js';

export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

const DEFAULT_SIZE = { cols: 80, rows: 24 };
/** Signals that end this program while the terminal is raw; the terminal is restored first. */
const ENDING_SIGNALS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** The window size, or 80×24 when standard output is not a terminal (a pipe, a file). */
export function terminalSize(stdout: NodeJS.WriteStream): { cols: number; rows: number } {
  if (!stdout.isTTY || !stdout.columns || !stdout.rows) return { ...DEFAULT_SIZE };
  return { cols: stdout.columns, rows: stdout.rows };
}

/** Resolves once the bytes are written out (or could not be): that is when they are acknowledged. */
export function writeOut(stdout: NodeJS.WritableStream, bytes: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    stdout.write(bytes, () => resolve());
  });
}

/**
 * Puts standard input in raw mode and forwards every keystroke (Ctrl-C and Ctrl-D included: they
 * are the remote shell's) and every window resize. Returns the function that undoes it all; it
 * may be called more than once.
 */
export function attachTerminal(connection: ShellConnection, { stdin, stdout }: TerminalStreams): () => void {
  const onData = (chunk: Buffer | string) => connection.input(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const onResize = () => {
    const size = terminalSize(stdout);
    connection.resize(size.cols, size.rows);
  };
  // The terminal closed under us: end the session rather than leave it running unseen.
  const onEnd = () => connection.close();
  const wasRaw = stdin.isRaw;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdout.off('resize', onResize);
    for (const [signal] of ENDING_SIGNALS) process.off(signal, onSignal);
    process.off('exit', restore);
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
    stdin.pause();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    connection.close();
    process.exit(ENDING_SIGNALS.find(([name]) => name === signal)?.[1] ?? 1);
  };

  stdin.setRawMode(true);
  // Node's raw mode keeps output processing (ONLCR), so a bare "\n" that a full-screen program
  // sends to move down one line would also jump to column 0 here; ssh switches it off as well.
  // setRawMode(false) puts back the settings saved before raw mode, this one included.
  if (process.platform !== 'win32') spawnSync('stty', ['-opost'], { stdio: ['inherit', 'ignore', 'ignore'] });
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();
  stdout.on('resize', onResize);
  for (const [signal] of ENDING_SIGNALS) process.on(signal, onSignal);
  process.on('exit', restore);
  return restore;
}
