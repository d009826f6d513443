// Takes `job.run` messages: checks each (config switch, device, signature, hash, time window,
// replay), runs the accepted ones — one exclusive job at a time, in arrival order — and puts
// every result, a refusal included, in the outbox. After a job the checks look again at once
// (a remediation script's effect should show without waiting for the next sample).
import { join } from 'node:path';
import type { Logger } from 'pino';
import { checkJob } from '../../protocol/job-signing.js';
import type { JobResult, JobRun } from '../../protocol/messages/jobs.js';
import { printable } from '../checks/observe.js';
import type { Outbox } from '../outbox/outbox-store.js';
import { isElevated } from './elevation.js';
import { openRanJobs, type RanJobs } from './ran-jobs.js';
import { runScript, type ScriptOutcome } from './run-script.js';

export interface JobRunnerDeps {
  stateDir: string;
  scriptsEnabled: boolean;
  deviceId: string;
  signingPublicKey: Uint8Array;
  outbox: Outbox;
  onEnqueued: () => void;
  /** Tells the server a job started (best effort, not through the outbox). */
  sendStarted: (jobId: string, startedAt: number) => void;
  afterJob: () => void;
  log: Logger;
  now?: () => number;
}

const emptyStream = {
  text: '',
  bytes: 0,
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  truncated: false,
};

export function createJobRunner(deps: JobRunnerDeps) {
  const now = deps.now ?? Date.now;
  // Opened on the first job: an agent that never runs one does not pay for it.
  let ranJobs: RanJobs | null = null;
  const ran = () => (ranJobs ??= openRanJobs(join(deps.stateDir, 'jobs.db'), now));
  let exclusiveChain: Promise<void> = Promise.resolve();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const report = (jobId: string, result: Omit<JobResult, 'seq' | 'jobId'>) => {
    deps.outbox.enqueue('job.result', { jobId, ...result });
    deps.onEnqueued();
  };
  const refuse = (jobId: string, reason: string) => {
    deps.log.warn({ jobId, reason }, 'job refused');
    report(jobId, {
      outcome: 'rejected',
      reason: printable(reason, 500),
      exitCode: null,
      signal: null,
      startedAt: null,
      finishedAt: now(),
      stdout: emptyStream,
      stderr: emptyStream,
    });
  };

  const execute = async (message: JobRun) => {
    const { envelope } = message;
    const startedAt = now();
    // The window may have closed while the job waited for the one before it.
    if (startedAt >= envelope.expiresAt)
      return refuse(
        envelope.jobId,
        `job expired at ${new Date(envelope.expiresAt).toISOString()} before its turn came`,
      );
    deps.sendStarted(envelope.jobId, startedAt);
    deps.log.info({ jobId: envelope.jobId, script: envelope.scriptName }, 'job started');
    const result: ScriptOutcome = await runScript(
      {
        interpreter: envelope.interpreter,
        script: message.script,
        args: envelope.args,
        timeoutMs: envelope.timeoutMs,
        jobId: envelope.jobId,
      },
      join(deps.stateDir, 'jobs'),
      now,
    );
    report(envelope.jobId, {
      ...result,
      reason: result.reason === null ? null : printable(result.reason, 500),
      signal: result.signal,
    });
    deps.log.info({ jobId: envelope.jobId, outcome: result.outcome, exitCode: result.exitCode }, 'job finished');
    deps.afterJob();
  };

  return {
    onRun(message: JobRun): void {
      const { envelope } = message;
      if (stopped) return;
      if (!deps.scriptsEnabled)
        return refuse(envelope.jobId, "running scripts is switched off in this agent's configuration (scriptsEnabled)");
      const check = checkJob(message, {
        deviceId: deps.deviceId,
        signingPublicKey: deps.signingPublicKey,
        now: now(),
        alreadyRan: (jobId) => ran().has(jobId),
      });
      if (!check.ok) return refuse(envelope.jobId, check.reason);
      if (envelope.elevation && !isElevated())
        return refuse(
          envelope.jobId,
          `script ${envelope.scriptName} needs elevation (root or Administrator); this agent runs without it`,
        );
      if (!ran().record(envelope.jobId, envelope.expiresAt))
        return refuse(envelope.jobId, `job ${envelope.jobId} already ran on this device (replay)`);
      // Guarded before chaining: a job that throws must not leave the chain rejected, which would
      // silently skip every exclusive job after it.
      const guarded = () =>
        execute(message).catch((error: unknown) =>
          deps.log.error({ err: error, jobId: envelope.jobId }, 'job failed to run'),
        );
      const work = envelope.exclusive ? (exclusiveChain = exclusiveChain.then(guarded)) : guarded();
      running.add(work);
      void work.finally(() => running.delete(work));
    },
    /** Lets running jobs finish (they are bounded by their timeouts), then closes the record. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all([...running]);
      ranJobs?.close();
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
