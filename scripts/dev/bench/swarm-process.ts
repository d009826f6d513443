// The orchestrator's handle on the swarm child: forks it, sends it the next phase and waits for
// the answer that ends that phase. A swarm that dies or reports a fatal error fails the wait.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromSwarm, ToSwarm } from './swarm-protocol.js';

const SWARM_SCRIPT = fileURLToPath(new URL('./agent-swarm.js', import.meta.url));
const EXIT_TIMEOUT_MS = 10_000;

type Answer<T extends FromSwarm['type']> = Extract<FromSwarm, { type: T }>;

export interface SwarmProcess {
  pid: number;
  /** Sends one command and resolves with the first message of type `until`. */
  request<T extends FromSwarm['type']>(command: ToSwarm, until: T): Promise<Answer<T>>;
  onProgress(listener: (message: Answer<'progress'>) => void): void;
  /** Waits for the swarm to exit by itself, then kills it if needed. */
  waitForExit(): Promise<void>;
  kill(): void;
}

export function startSwarm(): SwarmProcess {
  // stdout is passed through: the swarm prints nothing there, and a crash trace lands on stderr.
  const child: ChildProcess = fork(SWARM_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const progressListeners: Array<(message: Answer<'progress'>) => void> = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  child.on('message', (message: FromSwarm) => {
    if (message.type === 'progress') progressListeners.forEach((listener) => listener(message));
  });

  return {
    pid: child.pid!,
    request(command, until) {
      return new Promise((resolve, reject) => {
        const onMessage = (message: FromSwarm) => {
          if (message.type === 'fatal') finish(() => reject(new Error(`the swarm failed: ${message.message}`)));
          else if (message.type === until) finish(() => resolve(message as Answer<typeof until>));
        };
        const onExit = () =>
          finish(() => reject(new Error(`the swarm exited unexpectedly (code ${exit?.code}, signal ${exit?.signal})`)));
        const finish = (settle: () => void) => {
          child.off('message', onMessage);
          child.off('exit', onExit);
          settle();
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        if (exit) return onExit();
        child.send(command);
      });
    },
    onProgress: (listener) => void progressListeners.push(listener),
    async waitForExit() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_TIMEOUT_MS)))]);
      clearTimeout(timer);
      if (!exit) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    kill() {
      if (!exit) child.kill('SIGTERM');
    },
  };
}
