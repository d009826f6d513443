// Runs one of the compiled programs (bin/*.js) as a child process, as a person would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function binPath(program: 'helpline' | 'helpline-server' | 'helpline-agent'): string {
  return `${ROOT}bin/${program}.js`;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment without HELPLINE_* settings, so a developer's own setup cannot leak into a test. */
function cleanEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HELPLINE_'))),
    ...extra,
  };
}

/** Runs a program to its end; `stdin` is what it reads on standard input (nothing when absent). */
export function runCli(
  program: Parameters<typeof binPath>[0],
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 20_000,
  stdin = '',
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(program), ...args], { env: cleanEnv(env), cwd: ROOT });
    child.stdin.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${program} ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running program; resolves once a stdout line matches `ready`. */
export function startCli(
  program: Parameters<typeof binPath>[0],
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(program), ...args], { env: cleanEnv(env), cwd: ROOT });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${program} exited with ${code} before it was ready:\n${output}`)));
  });
}

/**
 * `helpline` as the people of a test: each runs with the server and their own token from the
 * environment and a config file of their own under `dir`.
 */
export function signedInCli(
  context: () => { url: string; dir: string; tokens: Record<string, string> },
  timeoutMs = 20_000,
) {
  const envFor = (person: string) => {
    const { url, dir, tokens } = context();
    return { HELPLINE_SERVER: url, HELPLINE_TOKEN: tokens[person]!, HELPLINE_CONFIG: `${dir}/${person}/cli.json` };
  };
  return {
    envFor,
    as:
      (person: string) =>
      (...args: string[]): Promise<CliResult> =>
        runCli('helpline', args, envFor(person), timeoutMs),
    /** Runs as `person` with `input` on standard input. */
    withStdin: (person: string, input: string, ...args: string[]): Promise<CliResult> =>
      runCli('helpline', args, envFor(person), timeoutMs, input),
  };
}
