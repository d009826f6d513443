// `helpline run SCRIPT --on DEVICE... | --group NAME | --tag TAG`: run a library script on PCs, signed by the
// server or, with --signing-key, by a key kept off the server; --wait follows the run to the end.
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import type { ApiClient } from '../../../protocol/api/client.js';
import { MAX_JOBS_LISTED, type JobView, type RunRequest, type RunView } from '../../../protocol/api/jobs.js';
import { API } from '../../../protocol/api/routes/index.js';
import { formatDuration, parseDuration } from '../../../protocol/duration.js';
import { signJob } from '../../../protocol/job-signing.js';
import { decodeKey } from '../../../protocol/keys.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdsFor } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { positiveInteger } from '../flags.js';
import { listOf, parseJobArgs } from '../job-targets.js';
import { clean, jsonOption, printJson, printTable, type CliIo } from '../output.js';
import { isFinished, jobDevice, jobLine, runSummary } from './jobs.js';

const POLL_MS = 500;
const SIGN_SECRET_KEY_LENGTH = 64;
const BAR_WIDTH = 20;

/** The Ed25519 secret key from a key file as `helpline-server init` writes it ({publicKey, secretKey}). */
function readSigningKey(file: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --signing-key ${clean(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const secret =
    typeof parsed === 'object' && parsed !== null ? (parsed as { secretKey?: unknown }).secretKey : undefined;
  const key = typeof secret === 'string' ? decodeKey(secret, SIGN_SECRET_KEY_LENGTH) : null;
  if (!key)
    throw new UsageError(
      `--signing-key ${clean(file)} is not a job signing key file (JSON with a 64-byte base64url "secretKey", like DATA/keys/job-signing.key)`,
    );
  return key;
}

/** Queues the run: signed by the server, or prepared there, signed here and sent back. */
async function startRun(client: ApiClient, request: RunRequest, keyFile: string | undefined): Promise<RunView> {
  if (keyFile === undefined) return client.call(API.jobs.run, { body: request });
  const secretKey = readSigningKey(keyFile);
  const prepared = await client.call(API.jobs.prepare, { body: request });
  const jobs = prepared.envelopes.map((envelope) => ({ envelope, signature: signJob(envelope, secretKey) }));
  return client.call(API.jobs.storeSigned, { body: { runId: prepared.runId, jobs } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progressBar(jobs: readonly JobView[]): string {
  const done = jobs.filter((job) => isFinished(job.status));
  const failed = done.filter((job) => job.status !== 'succeeded').length;
  const filled = jobs.length === 0 ? BAR_WIDTH : Math.round((done.length / jobs.length) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done.length}/${jobs.length} done, ${failed} failed`;
}

/**
 * Polls the run until every job has finished or `timeoutMs` has passed; in a terminal it redraws a
 * progress bar, otherwise it prints a line per job as it finishes. Returns the last views.
 */
async function follow(
  client: ApiClient,
  io: CliIo,
  run: RunView,
  timeoutMs: number,
  quiet: boolean,
): Promise<{ jobs: JobView[]; complete: boolean }> {
  const tty = !quiet && io.isTTY === true && io.write !== undefined;
  const width = Math.max(...run.jobs.map((job) => clean(jobDevice(job)).length));
  const reported = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  let jobs = run.jobs;
  for (;;) {
    // As many as one answer holds: the run's every job.
    const ofRun = await client.call(API.jobs.list, { query: { runId: run.runId, limit: MAX_JOBS_LISTED } });
    const latest = new Map(ofRun.map((job) => [job.id, job]));
    jobs = jobs.map((job) => latest.get(job.id) ?? job);
    if (tty) io.write!(`\r${progressBar(jobs)}\u001b[K`);
    else if (!quiet) {
      for (const job of jobs) {
        if (!isFinished(job.status) || reported.has(job.id)) continue;
        reported.add(job.id);
        io.out(jobLine(job, width));
      }
    }
    const complete = jobs.every((job) => isFinished(job.status));
    if (complete || Date.now() >= deadline) {
      if (tty) {
        io.write!('\n');
        for (const job of jobs) if (isFinished(job.status) && job.status !== 'succeeded') io.out(jobLine(job, width));
      }
      return { jobs, complete };
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

export function registerRunCommand(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    'run <script>',
    'run a library script on devices (each device checks the signature before it runs anything)',
    (y) =>
      y
        .positional('script', {
          type: 'string',
          demandOption: true,
          describe: 'script name (see `helpline scripts list`)',
        })
        .option('on', { type: 'string', array: true, describe: 'device ids or names to run it on' })
        .option('group', { type: 'string', describe: 'run it on every active device of this group that it runs on' })
        .option('tag', { type: 'string', describe: 'run it on every active device with this tag that it runs on' })
        .option('arg', {
          type: 'string',
          array: true,
          describe: 'a parameter as NAME=VALUE (repeatable); the value reaches the script as text, never as code',
        })
        .version(false) // --version here is the script's, not the program's
        .option('version', { type: 'string', describe: 'this version of the script (default: the newest)' })
        .option('wait', {
          type: 'boolean',
          default: false,
          describe: 'follow the run until every job has finished; exit status 1 unless all succeeded',
        })
        .option('timeout', { type: 'string', describe: 'how long --wait waits, like 90s or 30m (default 10m)' })
        .option('signing-key', {
          type: 'string',
          describe: 'sign the jobs here with this key file (JSON {publicKey, secretKey}, DATA/keys/job-signing.key)',
        })
        .option('json', jsonOption)
        .example('$0 run clean-temp --on PC-042 --arg days=14 --wait', '')
        .example('$0 run pending-reboot --group office --signing-key ~/job-signing.key', ''),
    async (args) => {
      const on = listOf(args.on);
      const onGiven = on !== undefined && on.length > 0;
      if ([onGiven, args.group !== undefined, args.tag !== undefined].filter(Boolean).length !== 1)
        throw new UsageError('name where to run it: --on DEVICE..., --group NAME or --tag TAG (one of them)');
      const jobArgs = parseJobArgs(listOf(args.arg));
      const version = positiveInteger('--version', args.version);
      if (args.timeout !== undefined && !args.wait)
        throw new UsageError('--timeout is how long --wait waits; give --wait too');
      const timeoutMs = args.timeout === undefined ? 10 * 60_000 : parseDuration(args.timeout);
      if (timeoutMs === null)
        throw new UsageError(`--timeout takes a duration like 90s or 30m, not "${clean(args.timeout)}"`);
      const keyFile = args.signingKey;
      if (keyFile !== undefined) readSigningKey(keyFile); // refuse a bad key file before asking the server
      const client = ctx.api(args);

      const request: RunRequest = { script: args.script, version, args: jobArgs };
      if (onGiven) request.deviceIds = await deviceIdsFor(client, on);
      else if (args.tag !== undefined) request.tag = args.tag;
      else request.group = args.group;
      const run = await startRun(client, request, keyFile);

      if (!args.wait) {
        if (args.json) return printJson(io, run);
        const first = run.jobs[0];
        io.out(
          `Run ${clean(run.runId)}: ${clean(first?.script)} version ${first?.scriptVersion ?? '-'} on ${run.jobs.length} device${run.jobs.length === 1 ? '' : 's'}.`,
        );
        printTable(
          io,
          [
            { header: 'DEVICE', value: (job: JobView) => jobDevice(job) },
            { header: 'JOB', value: (job) => job.id },
            { header: 'STATUS', value: (job) => job.status },
          ],
          run.jobs,
        );
        return io.out(`Follow it with \`helpline jobs list --run ${clean(run.runId)}\`.`);
      }

      if (!args.json)
        io.out(
          `Run ${clean(run.runId)}: waiting for ${run.jobs.length} job${run.jobs.length === 1 ? '' : 's'} (up to ${formatDuration(timeoutMs)})...`,
        );
      const { jobs, complete } = await follow(client, io, run, timeoutMs, args.json);
      if (args.json) printJson(io, { runId: run.runId, jobs });
      else {
        io.out(runSummary(jobs));
        if (!complete)
          io.out(
            `Stopped waiting after ${formatDuration(timeoutMs)}; see \`helpline jobs list --run ${clean(run.runId)}\` later.`,
          );
      }
      if (!jobs.every((job) => job.status === 'succeeded')) io.exit(1);
    },
  );
}
