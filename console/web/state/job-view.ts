// How the jobs pages read a job: finished or not, how long it ran, what tone its status badge
// takes, how far a run has got, and the list's filters as they sit in the address (?run=…) so a
// run view or a filtered list can be linked to and survives a reload. No DOM here: unit-tested.
import { FINISHED_JOB_STATUSES, type JobStatus, type JobView } from '../../../protocol/api/jobs.js';

export const isJobFinished = (status: JobStatus): boolean => FINISHED_JOB_STATUSES.includes(status);

/** Start to finish (or to now while it runs); null before it started. */
export function jobDurationMs(job: Pick<JobView, 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, end - Date.parse(job.startedAt));
}

/** "0.4 s", "12 s", "2 min 5 s", "1 h 3 min", in the reader's language. */
export function formatJobDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour', digits = 0) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  if (ms < 10_000) return unit(ms / 1000, 'second', 1);
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return [unit(minutes, 'minute'), seconds % 60 ? unit(seconds % 60, 'second') : ''].join(' ').trim();
  const hours = Math.floor(minutes / 60);
  return [unit(hours, 'hour'), minutes % 60 ? unit(minutes % 60, 'minute') : ''].join(' ').trim();
}

export type StatusTone = 'ok' | 'bad' | 'waiting' | 'running';

export function statusTone(status: JobStatus): StatusTone {
  if (status === 'succeeded') return 'ok';
  if (status === 'running') return 'running';
  if (status === 'queued' || status === 'sent') return 'waiting';
  return 'bad';
}

export interface RunProgress {
  total: number;
  finished: number;
  succeeded: number;
  /** Finished any other way: failed, timed out, rejected, error, expired. */
  unsuccessful: number;
}

export function runProgress(jobs: readonly Pick<JobView, 'status'>[]): RunProgress {
  const finished = jobs.filter((job) => isJobFinished(job.status)).length;
  const succeeded = jobs.filter((job) => job.status === 'succeeded').length;
  return { total: jobs.length, finished, succeeded, unsuccessful: finished - succeeded };
}

/** The list's filters. run, status and device go to the server; script is matched here (the API has no such filter). */
export interface JobFilter {
  run: string;
  status: JobStatus | '';
  script: string;
  device: string;
}

export const NO_JOB_FILTER: JobFilter = { run: '', status: '', script: '', device: '' };
const FILTER_KEYS = ['run', 'status', 'script', 'device'] as const;
const STATUSES: readonly JobStatus[] = ['queued', 'sent', 'running', ...FINISHED_JOB_STATUSES];

export function jobFilterFromSearch(search: string): JobFilter {
  const query = new URLSearchParams(search);
  const status = query.get('status') ?? '';
  return {
    run: query.get('run') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as JobStatus) : '',
    script: query.get('script') ?? '',
    device: query.get('device') ?? '',
  };
}

/** "?run=…&status=…" with only the filters set; "" when none is. */
export function jobSearchOf(filter: JobFilter): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) query.set(key, filter[key]);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const jobStatuses = (): readonly JobStatus[] => STATUSES;
