// Runs one script: written to a file in a fresh private directory (removed afterwards), started
// in its own process group with a cleaned environment and the arguments as HELPLINE_PARAM_*
// variables, killed with its whole tree at the hard timeout, and its output captured up to a cap
// while the size and a hash cover all of it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_JOB_OUTPUT_CHARS,
  type JobArgs,
  type JobInterpreter,
  type JobOutcome,
  type JobStream,
} from '../../protocol/messages/jobs.js';
import { scriptParamEnvName } from '../../protocol/script-header.js';
import { interpreterCommand } from './interpreters.js';

export interface ScriptRun {
  interpreter: JobInterpreter;
  script: string;
  args: JobArgs;
  timeoutMs: number;
  jobId: string;
}

export interface ScriptOutcome {
  outcome: Exclude<JobOutcome, 'rejected'>;
  reason: string | null;
  exitCode: number | null;
  signal: string | null;
  startedAt: number;
  finishedAt: number;
  stdout: JobStream;
  stderr: JobStream;
}

/** Variables a script may see from the agent's own environment; everything else is dropped. */
const KEPT_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SystemRoot',
  'SYSTEMROOT',
  'windir',
  'WINDIR',
  'ComSpec',
  'COMSPEC',
  'PATHEXT',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
];

export function scriptEnvironment(
  args: JobArgs,
  workDir: string,
  jobId: string,
  from: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of KEPT_VARIABLES) if (from[name] !== undefined) env[name] = from[name]!;
  Object.assign(env, {
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TMPDIR: workDir,
    TEMP: workDir,
    TMP: workDir,
    HELPLINE_JOB_ID: jobId,
  });
  for (const [name, value] of Object.entries(args)) env[scriptParamEnvName(name)] = value;
  return env;
}

function capture() {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let bytes = 0;
  return {
    add(chunk: Buffer) {
      hash.update(chunk);
      bytes += chunk.length;
      if (keptBytes < MAX_JOB_OUTPUT_CHARS) {
        const part = chunk.subarray(0, MAX_JOB_OUTPUT_CHARS - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
    },
    result(): JobStream {
      // A cut may split a multi-byte character; the decoder shows it as U+FFFD.
      const text = Buffer.concat(kept).toString('utf8').slice(0, MAX_JOB_OUTPUT_CHARS);
      return { text, bytes, sha256: hash.digest('hex'), truncated: bytes > keptBytes };
    },
  };
}

/** Kills the process and everything it started (its process group; the tree on Windows). */
export function killTree(pid: number): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

export async function runScript(run: ScriptRun, jobsDir: string, now: () => number = Date.now): Promise<ScriptOutcome> {
  const command = interpreterCommand(run.interpreter);
  const empty = () => capture().result();
  const startedAt = now();
  if (!command) {
    return {
      outcome: 'error',
      reason: `interpreter ${run.interpreter} is not available on ${process.platform}`,
      exitCode: null,
      signal: null,
      startedAt,
      finishedAt: now(),
      stdout: empty(),
      stderr: empty(),
    };
  }
  mkdirSync(jobsDir, { recursive: true, mode: 0o700 });
  const workDir = mkdtempSync(join(jobsDir, 'run-'));
  const file = join(workDir, `script${command.extension}`);
  writeFileSync(file, run.script, { mode: 0o700 });
  const stdout = capture();
  const stderr = capture();
  try {
    return await new Promise<ScriptOutcome>((resolve) => {
      const child = spawn(command.command, command.args(file), {
        cwd: workDir,
        env: scriptEnvironment(run.args, workDir, run.jobId),
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      let timedOut = false;
      let spawnError: Error | null = null;
      const timer = setTimeout(() => {
        timedOut = true;
        if (child.pid) killTree(child.pid);
      }, run.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
      child.on('error', (error) => (spawnError = error));
      // 'exit' comes when the script ends; what it left running in the background is killed too,
      // which also closes the pipes so 'close' can follow.
      child.on('exit', () => {
        if (child.pid) killTree(child.pid);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const finishedAt = now();
        const base = {
          startedAt,
          finishedAt,
          stdout: stdout.result(),
          stderr: stderr.result(),
          exitCode: code,
          signal: signal ?? null,
        };
        if (spawnError)
          return resolve({
            ...base,
            outcome: 'error',
            reason: `could not start ${command.command}: ${spawnError.message}`.slice(0, 500),
          });
        if (timedOut)
          return resolve({
            ...base,
            outcome: 'timed_out',
            reason: `killed after the ${Math.round(run.timeoutMs / 1000)} s timeout`,
          });
        resolve({ ...base, outcome: code === 0 ? 'succeeded' : 'failed', reason: null });
      });
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
