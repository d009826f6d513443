import { UsageError } from './flags.js';

// Things to undo when the bench ends, however it ends (success, error, Ctrl-C): run once, newest
// first, so the swarm stops before the server and the server before its data directory goes.
export class Cleanup {
  private steps: Array<{ what: string; run: () => unknown }> = [];
  private running: Promise<void> | null = null;

  add(what: string, run: () => unknown): void {
    this.steps.push({ what, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`bench: could not ${step.what}: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}

/**
 * The shared life of a bench command: parse its flags (exit 2 with usage on a mistake), run it,
 * and clean up however it ends; Ctrl-C stops the children (same process group) and exits 130.
 */
export async function runBenchCommand<Options>(command: {
  name: string;
  usage: string;
  parse: (argv: string[]) => Options | 'help';
  run: (options: Options, cleanup: Cleanup) => Promise<number>;
}): Promise<void> {
  const say = (message: string) => console.error(`${command.name}: ${message}`);
  let options: Options | 'help';
  try {
    options = command.parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`${error.message}\n\n${command.usage}`);
    process.exit(2);
  }
  if (options === 'help') return console.log(command.usage);
  const cleanup = new Cleanup();
  // What fails after an interruption is no news.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    say(`${signal} received; stopping`);
    void cleanup.run().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let exitCode = 1;
  try {
    exitCode = await command.run(options, cleanup);
  } catch (error) {
    if (!interrupted) say((error as Error).message);
  }
  await cleanup.run();
  process.exit(interrupted ? 130 : exitCode);
}
