// The server under test, as a child process started the way an admin would start it
// (`helpline-server init`, then `helpline-server start --port 0`), so that its RSS and CPU time
// are its own. Its JSON log lines are counted by message, to show what it complained about.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Tally } from './percentiles.js';
import { programFailed } from './program-failure.js';

const SERVER_BIN = fileURLToPath(new URL('../../../../bin/helpline-server.js', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;
const STDERR_KEPT = 4000;

export interface ServerProcess {
  url: string;
  pid: number;
  /** Log lines by level and message (warn and above at the default level). */
  logCounts: Tally;
  /** Set once the child exited; the bench treats an early exit as a failure. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderrTail(): string;
  /** SIGTERM, then SIGKILL if it has not exited in time; resolves to how long it took. */
  stop(): Promise<{ ms: number; clean: boolean }>;
}

export async function initServerData(dataDir: string, adminPassword: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [
      SERVER_BIN,
      'init',
      '--data',
      dataDir,
      // One argument with '=': a random password may begin with '-' and would read as a flag.
      `--admin-password=${adminPassword}`,
      '--json',
    ]);
  } catch (error) {
    throw programFailed('helpline-server init', error);
  }
}

export function startServer(dataDir: string): Promise<ServerProcess> {
  const env = { ...process.env, HELPLINE_LOG_LEVEL: process.env.HELPLINE_LOG_LEVEL ?? 'warn' };
  const child = spawn(process.execPath, [SERVER_BIN, 'start', '--data', dataDir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logCounts = new Tally();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_KEPT)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stderrTail = () => stderr.trim();

  return new Promise((resolve, reject) => {
    let url: string | null = null;
    let buffered = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}${stderrTail() ? `\n${stderrTail()}` : ''}`));
    };
    const timer = setTimeout(
      () => fail(`the server printed no "listening on" line within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    void exited.then(({ code, signal }) => {
      if (url === null) fail(`the server exited before listening (code ${code}, signal ${signal})`);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (url === null) {
          const match = /listening on (\S+)/.exec(line);
          if (match) {
            url = match[1]!;
            clearTimeout(timer);
            resolve({ url, pid: child.pid!, logCounts, exited, stderrTail, stop: () => stopChild(child, exited) });
            continue;
          }
        }
        countLogLine(line, logCounts);
      }
    });
  });
}

/** Counts pino's JSON lines; plain lines are the CLI's own notices (e.g. "SIGTERM received"). */
function countLogLine(line: string, counts: Tally): void {
  if (!line.startsWith('{')) return;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    counts.add(`${levelName(entry.level)}: ${entry.msg ?? '(no message)'}`);
  } catch {
    counts.add(`unparsable log line: ${line.slice(0, 80)}`);
  }
}

function levelName(level: number | undefined): string {
  const names: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  return (level !== undefined && names[level]) || 'log';
}

async function stopChild(
  child: ChildProcess,
  exited: ServerProcess['exited'],
): Promise<{ ms: number; clean: boolean }> {
  const startedAt = Date.now();
  if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, clean: child.exitCode === 0 };
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    exited,
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (result === null) {
    child.kill('SIGKILL');
    await exited;
    return { ms: Date.now() - startedAt, clean: false };
  }
  return { ms: Date.now() - startedAt, clean: result.code === 0 };
}
