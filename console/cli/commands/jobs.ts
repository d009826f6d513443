// `helpline jobs list|show`: jobs (one script run on one device) and what they printed. Output
// comes from the PCs, so every line of it is cleaned before it reaches the terminal.
import type { Argv } from 'yargs';
import {
  FINISHED_JOB_STATUSES,
  MAX_JOBS_LISTED,
  type JobListQuery,
  type JobStatus,
  type JobView,
} from '../../../protocol/api/jobs.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { positiveInteger } from '../flags.js';
import { clean, jsonOption, localTime, printFields, printJson, printTable, type CliIo } from '../output.js';

const STATUSES: readonly JobStatus[] = [
  'queued',
  'sent',
  'running',
  'succeeded',
  'failed',
  'timed_out',
  'rejected',
  'error',
  'expired',
];
/** The order of a run's summary: outcomes first, then what has not finished. */
const SUMMARY_ORDER: readonly JobStatus[] = [
  'succeeded',
  'failed',
  'timed_out',
  'rejected',
  'error',
  'expired',
  'running',
  'sent',
  'queued',
];

export const isFinished = (status: JobStatus): boolean => FINISHED_JOB_STATUSES.includes(status);
export const statusWords = (status: JobStatus): string => (status === 'timed_out' ? 'timed out' : status);
export const jobDevice = (job: JobView): string => job.deviceName ?? job.deviceId;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "1.2 s" from start to finish; null when the job did not run. */
function runTime(job: JobView): string | null {
  if (job.startedAt === null || job.finishedAt === null) return null;
  const ms = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  return Number.isNaN(ms) || ms < 0 ? null : `${(ms / 1000).toFixed(1)} s`;
}

/** "PC-042  succeeded  exit 0  (1.2 s)", with the reason when there is one. */
export function jobLine(job: JobView, deviceWidth = 0): string {
  const time = runTime(job);
  const parts = [
    clean(jobDevice(job)).padEnd(deviceWidth),
    statusWords(job.status).padEnd(9),
    job.exitCode === null ? null : `exit ${job.exitCode}`,
    time === null ? null : `(${time})`,
    job.reason === null ? null : clean(job.reason),
  ];
  return parts
    .filter((part) => part !== null)
    .join('  ')
    .trimEnd();
}

/** "10 jobs: 8 succeeded, 1 failed, 1 timed out". */
export function runSummary(jobs: readonly JobView[]): string {
  const counts = SUMMARY_ORDER.map(
    (status) => [status, jobs.filter((job) => job.status === status).length] as const,
  ).filter(([, count]) => count > 0);
  const words = counts.map(
    ([status, count]) => `${count} ${isFinished(status) ? statusWords(status) : `still ${status}`}`,
  );
  return `${plural(jobs.length, 'job')}: ${words.join(', ') || 'none'}`;
}

const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? plural(bytes, 'byte')
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A stream's heading, its text line by line (indented, cleaned), and a note when it was cut. */
function printStream(io: CliIo, label: string, stream: JobView['stdout'], finished: boolean): void {
  if (stream === null) return io.out(`${label}: ${finished ? 'none' : 'not yet (the job has not finished)'}`);
  if (stream.bytes === 0) return io.out(`${label}: empty`);
  io.out(`${label} (${formatBytes(stream.bytes)}):`);
  const text = stream.text.replace(/\r?\n$/, '');
  if (text !== '') for (const line of text.split(/\r?\n/)) io.out(`    ${clean(line.replace(/\t/g, '    '))}`);
  if (stream.truncated) io.out(`    (truncated; ${stream.bytes} bytes in all, sha256 ${clean(stream.sha256)})`);
}

function jobFields(job: JobView): Array<[string, unknown]> {
  const at = (iso: string | null) => (iso === null ? null : localTime(iso));
  const args = Object.entries(job.args).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  const time = runTime(job);
  const fields: Array<[string, unknown]> = [
    ['job', job.id],
    ['run', job.runId],
    ['script', `${job.script} version ${job.scriptVersion}`],
    ['device', job.deviceName === null ? job.deviceId : `${job.deviceName} (${job.deviceId})`],
    ['status', statusWords(job.status)],
    ['exit code', job.exitCode],
    ...(job.reason === null ? [] : ([['reason', job.reason]] as Array<[string, unknown]>)),
    ['args', args.length === 0 ? 'none' : args.join(' ')],
    ['requested', `${localTime(job.createdAt)} by ${job.requestedBy}`],
    ['not before', localTime(job.notBefore)],
    ['expires', localTime(job.expiresAt)],
    ['sent', at(job.sentAt)],
    ['started', at(job.startedAt)],
    ['finished', time === null ? at(job.finishedAt) : `${at(job.finishedAt)} (ran ${time})`],
  ];
  if (job.scheduleId !== null) fields.push(['schedule', `#${job.scheduleId}`]);
  if (job.ticketId !== null) fields.push(['ticket', `#${job.ticketId}`]);
  return fields;
}

export function registerJobCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(['jobs', 'job'], 'jobs (a script run on a device): list them and read their output', (group) =>
    group
      .command(
        'list',
        'jobs, newest first',
        (y) =>
          y
            .option('run', { type: 'string', describe: 'only the jobs of this run (run_...)' })
            .option('device', { type: 'string', describe: 'only the jobs of this device (id or name)' })
            .option('status', { choices: STATUSES, describe: 'only jobs in this state' })
            .option('limit', { type: 'string', describe: `at most this many (1 to ${MAX_JOBS_LISTED}; default 500)` })
            .option('json', jsonOption),
        async (args) => {
          const limit = positiveInteger('--limit', args.limit);
          if (limit !== undefined && limit > MAX_JOBS_LISTED)
            throw new UsageError(`--limit takes 1 to ${MAX_JOBS_LISTED}, not ${limit}`);
          const api = ctx.api(args);
          const query: JobListQuery = { runId: args.run, status: args.status, limit };
          if (args.device !== undefined) query.deviceId = await deviceIdFor(api, args.device);
          const jobs = await api.call(API.jobs.list, { query });
          if (args.json) return printJson(io, jobs);
          const filtered = Object.values(query).some((value) => value !== undefined);
          if (jobs.length === 0 && filtered) return io.out('No jobs match.');
          if (jobs.length === 0) return io.out('No jobs yet; start one with `helpline run SCRIPT --on DEVICE`.');
          printTable(
            io,
            [
              { header: 'JOB', value: (j: JobView) => j.id },
              { header: 'CREATED', value: (j) => localTime(j.createdAt) },
              { header: 'DEVICE', value: (j) => jobDevice(j) },
              { header: 'SCRIPT', value: (j) => `${j.script} v${j.scriptVersion}` },
              { header: 'STATUS', value: (j) => statusWords(j.status) },
              { header: 'EXIT', value: (j) => j.exitCode },
              { header: 'RUN', value: (j) => j.runId },
            ],
            jobs,
          );
        },
      )
      .command(
        'show <id>',
        'one job: where and when it ran, how it ended, and what it printed',
        (y) =>
          y
            .positional('id', {
              type: 'string',
              demandOption: true,
              describe: 'job id, like job_... (see `helpline jobs list`)',
            })
            .option('json', jsonOption),
        async (args) => {
          const job = await ctx.api(args).call(API.jobs.show, { params: { id: args.id } });
          if (args.json) return printJson(io, job);
          printFields(io, jobFields(job));
          io.out('');
          printStream(io, 'stdout', job.stdout, isFinished(job.status));
          printStream(io, 'stderr', job.stderr, isFinished(job.status));
        },
      )
      .demandCommand(1, 'name a jobs command: list or show'),
  );
}
