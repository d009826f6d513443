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
          console.error(`bench:agents: could not ${step.what}: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}
