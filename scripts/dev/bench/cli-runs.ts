// One command-line program run as a person runs it, timed from spawn to exit: the cost a
// technician feels for every `helpline ...` they type. Runs of several commands are interleaved,
// so a burst of load on the machine is spread over all of them instead of skewing one.
import { spawn } from 'node:child_process';
import { percentileMs } from './percentiles.js';

export interface CliCommand {
  /** How it is shown: "helpline devices list". */
  name: string;
  /** node's arguments: the program file and its own arguments. */
  args: string[];
  env: Record<string, string | undefined>;
  /** Refuses a run whose output is not what the command should print (a timing of an error is no timing). */
  check(stdout: string): string | null;
}

export interface CommandTimes {
  name: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
}

const RUN_TIMEOUT_MS = 60_000;

/** Runs once; resolves to the wall time from spawn to exit, or rejects with what went wrong. */
export function timeOnce(command: CliCommand): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, command.args, { env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let exitedAt = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('exit', () => (exitedAt = performance.now()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const problem =
        code === 0 ? command.check(stdout) : `exited with ${code ?? signal}: ${stderr.trim().slice(0, 500)}`;
      if (problem !== null) reject(new Error(`${command.name} ${problem}`));
      else resolve(exitedAt - startedAt);
    });
  });
}

/** `runs` timings of each command, taken round-robin, summarised as median and p90. */
export async function timeCommands(commands: readonly CliCommand[], runs: number): Promise<CommandTimes[]> {
  const samples = commands.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    for (const [index, command] of commands.entries()) samples[index]!.push(await timeOnce(command));
  }
  return commands.map((command, index) => ({
    name: command.name,
    runs,
    medianMs: percentileMs(samples[index]!, 0.5),
    p90Ms: percentileMs(samples[index]!, 0.9),
  }));
}
