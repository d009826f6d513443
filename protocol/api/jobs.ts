// Jobs (a script run on devices) as the API accepts and serves them.
import { Type, type Static } from 'typebox';
import { DeviceId } from '../messages/common.js';
import { JobArgs, JobEnvelope, JobId } from '../messages/jobs.js';
import { Name } from './common.js';
import { Tag } from './fleet.js';
import { ScriptName } from './scripts.js';

export const JobStatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sent'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('timed_out'),
  Type.Literal('rejected'),
  Type.Literal('error'),
  Type.Literal('expired'),
]);
export type JobStatus = Static<typeof JobStatusSchema>;
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = [
  'succeeded',
  'failed',
  'timed_out',
  'rejected',
  'error',
  'expired',
];

export const RunRequest = Type.Object(
  {
    script: ScriptName,
    /** The newest version when absent. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    deviceIds: Type.Optional(Type.Array(DeviceId, { minItems: 1, maxItems: 10_000, uniqueItems: true })),
    group: Type.Optional(Name),
    /** Every active device with this tag (compared case-insensitively); one of deviceIds, group, tag. */
    tag: Type.Optional(Tag),
    args: Type.Optional(JobArgs),
    /** Start no earlier than this (ISO); now when absent. */
    notBefore: Type.Optional(Type.String({ format: 'date-time' })),
    /** How long the job stays deliverable to a device that is offline, in ms (default 24 h). */
    validForMs: Type.Optional(Type.Integer({ minimum: 60_000, maximum: 30 * 86_400_000 })),
    /** The ticket the run works on: its jobs are listed with the ticket. */
    ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type RunRequest = Static<typeof RunRequest>;

/** Jobs signed with a key kept off the server (`helpline run --signing-key FILE`). */
export const SignedJobsRequest = Type.Object(
  {
    runId: Type.String({ pattern: '^run_[a-z0-9]{16,40}$' }),
    jobs: Type.Array(
      Type.Object(
        { envelope: JobEnvelope, signature: Type.String({ maxLength: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10_000 },
    ),
  },
  { additionalProperties: false },
);
export type SignedJobsRequest = Static<typeof SignedJobsRequest>;

export const PreparedRun = Type.Object({ runId: Type.String(), envelopes: Type.Array(JobEnvelope) });
export type PreparedRun = Static<typeof PreparedRun>;

const Iso = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const StreamView = Type.Object({
  text: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  truncated: Type.Boolean(),
});

export const JobView = Type.Object({
  id: JobId,
  runId: Type.String(),
  script: Type.String(),
  scriptVersion: Type.Integer(),
  deviceId: Type.String(),
  deviceName: Nullable(Type.String()),
  status: JobStatusSchema,
  args: JobArgs,
  requestedBy: Type.String(),
  createdAt: Iso,
  notBefore: Iso,
  expiresAt: Iso,
  sentAt: Nullable(Iso),
  startedAt: Nullable(Iso),
  finishedAt: Nullable(Iso),
  scheduleId: Nullable(Type.Integer()),
  ticketId: Nullable(Type.Integer()),
  exitCode: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
  stdout: Nullable(StreamView),
  stderr: Nullable(StreamView),
});
export type JobView = Static<typeof JobView>;

export const RunView = Type.Object({ runId: Type.String(), jobs: Type.Array(JobView) });
export type RunView = Static<typeof RunView>;

/** The most jobs one list answer holds (GET /api/jobs ?limit). */
export const MAX_JOBS_LISTED = 10_000;

export const JobListQuery = Type.Object(
  {
    runId: Type.Optional(Type.String({ maxLength: 64 })),
    deviceId: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(JobStatusSchema),
    ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_JOBS_LISTED })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobIdParams = Type.Object({ id: JobId }, { additionalProperties: false });
