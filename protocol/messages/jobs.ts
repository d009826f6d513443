// Jobs: scripts an agent runs. The server (or an admin's own key, off the server) signs a job
// envelope; the agent checks it (see protocol/job-signing.ts) before it runs anything, runs one
// job at a time unless the envelope allows otherwise, and reports the result through its outbox.
import { Type, type Static } from 'typebox';
import { SCRIPT_INTERPRETERS, SCRIPT_PARAM_NAME_PATTERN, type ScriptInterpreter } from '../script-header.js';
import { Base64Url, DeviceId, PrintableText } from './common.js';

export const JobInterpreterSchema = Type.Enum(SCRIPT_INTERPRETERS);

export type JobInterpreter = ScriptInterpreter;

export const JobId = Type.String({ pattern: '^job_[a-z0-9]{16,40}$', description: 'job id' });
/** Parameter names become environment variables HELPLINE_PARAM_<NAME>. */
export const JobArgs = Type.Record(
  Type.String({ pattern: SCRIPT_PARAM_NAME_PATTERN.source }),
  Type.String({ maxLength: 4096 }),
  { maxProperties: 32 },
);
export type JobArgs = Static<typeof JobArgs>;

/** Largest script body a job carries (it travels in one channel frame). */
export const MAX_SCRIPT_BYTES = 256 * 1024;

export const JobEnvelope = Type.Object(
  {
    v: Type.Literal(1),
    jobId: JobId,
    /** The one device that may run it: a job signed for one PC is refused by every other. */
    deviceId: DeviceId,
    scriptName: PrintableText(128),
    scriptVersion: Type.Integer({ minimum: 1 }),
    /** SHA-512 (hex) of the script body's UTF-8 bytes. */
    scriptHash: Type.String({ pattern: '^[0-9a-f]{128}$' }),
    interpreter: JobInterpreterSchema,
    args: JobArgs,
    timeoutMs: Type.Integer({ minimum: 1000, maximum: 24 * 3_600_000 }),
    /** Not to start before / after these instants (ms since the epoch). */
    notBefore: Type.Number(),
    expiresAt: Type.Number(),
    /** False lets it run beside other jobs; true (the default) waits its turn. */
    exclusive: Type.Boolean(),
    /** The script must run as root / Administrator; an agent running without refuses it. */
    elevation: Type.Boolean(),
    requestedBy: PrintableText(128),
    requestedAt: Type.Number(),
  },
  { additionalProperties: false },
);
export type JobEnvelope = Static<typeof JobEnvelope>;

export const JobRun = Type.Object(
  {
    envelope: JobEnvelope,
    /** Ed25519 signature (base64url) over the envelope; see protocol/job-signing.ts. */
    signature: Base64Url(100),
    script: Type.String({ maxLength: MAX_SCRIPT_BYTES }),
  },
  { additionalProperties: false },
);
export type JobRun = Static<typeof JobRun>;

/** Output kept per stream; the total size and hash always cover all of it. */
export const MAX_JOB_OUTPUT_CHARS = 64 * 1024;

const Stream = Type.Object(
  {
    text: Type.String({ maxLength: MAX_JOB_OUTPUT_CHARS }),
    bytes: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    truncated: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type JobStream = Static<typeof Stream>;

export const JobResult = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    jobId: JobId,
    outcome: Type.Union([
      Type.Literal('succeeded'),
      Type.Literal('failed'),
      Type.Literal('timed_out'),
      Type.Literal('rejected'),
      Type.Literal('error'),
    ]),
    /** Why a job was rejected or could not start; null when it ran. */
    reason: Type.Union([PrintableText(500), Type.Null()]),
    exitCode: Type.Union([Type.Integer(), Type.Null()]),
    signal: Type.Union([PrintableText(32), Type.Null()]),
    startedAt: Type.Union([Type.Number(), Type.Null()]),
    finishedAt: Type.Number(),
    stdout: Stream,
    stderr: Stream,
  },
  { additionalProperties: false },
);
export type JobResult = Static<typeof JobResult>;
export type JobOutcome = JobResult['outcome'];

/** Best effort, not through the outbox: the job passed its checks and started. */
export const JobStarted = Type.Object({ jobId: JobId, startedAt: Type.Number() }, { additionalProperties: false });

export const JobAgentBodies = { 'job.result': JobResult, 'job.started': JobStarted } as const;
