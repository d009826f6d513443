// The agent under test, enrolled and run the way an admin would (`helpline-agent enroll`, then
// `helpline-agent run`), as a child process so that its RSS and CPU time are its own. Also reads
// the CPU time of a process's reaped children from /proc: systeminformation spawns helpers
// (ps, df, lsblk, dmidecode...), and their time is part of what the agent costs the PC.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { programFailed } from './program-failure.js';

const AGENT_BIN = fileURLToPath(new URL('../../../../bin/helpline-agent.js', import.meta.url));
/** USER_HZ, the unit of cutime/cstime in /proc/<pid>/stat (100 on every Linux Node runs on). */
const CLOCK_TICKS_PER_SECOND = 100;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_KEPT = 4000;

export async function enrollAgent(token: string, stateDir: string): Promise<{ deviceId: string; status: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      AGENT_BIN,
      'enroll',
      '--token',
      token,
      '--state',
      stateDir,
      '--name',
      'bench-agent',
      '--json',
    ]);
    return JSON.parse(stdout) as { deviceId: string; status: string };
  } catch (error) {
    throw programFailed('helpline-agent enroll', error);
  }
}

export interface AgentProcess {
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the agent printed (pino JSON on stdout, crashes on stderr), last few KB. */
  outputTail(): string;
  /** Log lines it printed (warn and above at --log-level warn). */
  logLines(): number;
  /** SIGTERM (the agent closes its channel and outbox), then SIGKILL if it takes too long. */
  stop(): Promise<{ ms: number; clean: boolean }>;
}

export function startAgent(stateDir: string, args: string[], env: Record<string, string>): AgentProcess {
  const child = spawn(process.execPath, [AGENT_BIN, 'run', '--state', stateDir, '--log-level', 'warn', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let lines = 0;
  const keep = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_KEPT);
    lines += chunk.split('\n').length - 1;
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  return {
    pid: child.pid!,
    exited,
    outputTail: () => output.trim(),
    logLines: () => lines,
    async stop() {
      const startedAt = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, clean: child.exitCode === 0 };
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const { code } = await exited;
      clearTimeout(timer);
      return { ms: Date.now() - startedAt, clean: code === 0 };
    },
  };
}

/**
 * CPU time (user + system, ms) of the children a process has waited for: cutime + cstime. A child
 * counts once it has exited and been reaped (Node reaps at once), with its own children in it.
 */
export function readChildrenCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is [0], cutime [13], cstime [14].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
