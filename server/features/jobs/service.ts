// Running scripts: a run names a script version and its targets; each target device gets its own
// job, signed with the job signing key (on the server, or by an admin's own key through
// prepare + signed). Results come back through the agents' outboxes.
import { randomBytes } from 'node:crypto';
import type {
  JobListQuery,
  JobStatus,
  JobView,
  PreparedRun,
  RunRequest,
  RunView,
  SignedJobsRequest,
} from '../../../protocol/api/jobs.js';
import { isJobSignatureValid, signJob } from '../../../protocol/job-signing.js';
import type { JobArgs, JobEnvelope, JobResult } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';
import type { ServerKeys } from '../../data-dir.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceRow, DeviceStore } from '../devices/store.js';
import { variantFor } from '../scripts/service.js';
import type { ScriptStore, ScriptVersionRow } from '../scripts/store.js';
import { resolveJobArgs } from './arguments.js';
import type { JobRow, JobStore } from './store.js';
import { iso } from '../../time.js';

const DEFAULT_VALID_MS = 24 * 3_600_000;
const PLATFORM_OF: Record<string, string> = { linux: 'linux', win32: 'windows', darwin: 'macos' };
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    runId: row.runId,
    script: row.scriptName,
    scriptVersion: row.scriptVersion,
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    status: row.status,
    args: row.envelope.args,
    requestedBy: row.requestedBy,
    createdAt: iso(row.createdAt),
    notBefore: iso(row.notBefore),
    expiresAt: iso(row.expiresAt),
    sentAt: iso(row.sentAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    scheduleId: row.scheduleId,
    ticketId: row.ticketId,
    exitCode: row.result?.exitCode ?? null,
    reason: row.result?.reason ?? null,
    stdout: row.result?.stdout ?? null,
    stderr: row.result?.stderr ?? null,
  };
}

/** One device and the script variant it runs. */
export interface RunTarget {
  device: DeviceRow;
  script: ScriptVersionRow;
}

/** What a run is about; `ticketId` and `scheduleId` link remediation and scheduled jobs. */
export interface RunPlan {
  targets: RunTarget[];
  /** As given; each variant's declared parameters check them and add their defaults. */
  args: JobArgs;
  notBefore: (device: DeviceRow) => number;
  expiresAt: (device: DeviceRow, notBefore: number) => number;
  requestedBy: string;
  scheduleId?: number | null;
  ticketId?: number | null;
}

type SignedJob = { envelope: JobEnvelope; signature: string; script: ScriptVersionRow };

export function createJobService(deps: {
  db: Db;
  jobs: JobStore;
  scripts: ScriptStore;
  devices: DeviceStore;
  keys: ServerKeys;
  audit: AuditStore;
  now: () => number;
  /** The ids of the devices with a tag (compared case-insensitively), for runs on a tag. */
  devicesWithTag: (tag: string) => ReadonlySet<string>;
  onQueued: (deviceIds: string[]) => void;
  onFinished?: (job: JobRow) => void;
  /** A job's status changed (queued, running, finished); sent is the dispatcher's to tell. */
  onChanged?: (jobId: string, deviceId: string, status: JobStatus) => void;
}) {
  const { now } = deps;
  const platformOf = (device: DeviceRow) => PLATFORM_OF[device.platform] ?? device.platform;

  /** The variants of a script (of one version number, when given). */
  const variantsOf = (name: string, version?: number) => {
    const rows = version === undefined ? deps.scripts.variants(name) : deps.scripts.version(name, version);
    if (rows.length === 0)
      throw new ApiError(
        'not_found',
        version === undefined ? `no script named ${name}` : `script ${name} has no version ${version}`,
      );
    return rows;
  };

  /** The active devices a selection names, each with the variant it runs (refused when none can). */
  const targets = (
    selection: Pick<RunRequest, 'deviceIds' | 'group' | 'tag'>,
    variants: readonly ScriptVersionRow[],
  ): RunTarget[] => {
    const named = [selection.deviceIds, selection.group, selection.tag].filter((given) => given !== undefined);
    if (named.length !== 1)
      throw new ApiError('validation_failed', 'name the targets: deviceIds, group or tag (exactly one of them)');
    const name = variants[0]!.name;
    const runsOn = variants.flatMap((variant) => variant.platforms).join(', ');
    if (selection.deviceIds) {
      return selection.deviceIds.map((id) => {
        const device = deps.devices.byId(id);
        if (!device || device.status !== 'active') throw new ApiError('validation_failed', `no active device ${id}`);
        const script = variantFor(variants, platformOf(device));
        if (!script)
          throw new ApiError(
            'validation_failed',
            `script ${name} runs on ${runsOn}; device ${device.name} is ${platformOf(device)}`,
          );
        return { device, script };
      });
    }
    const tagged = selection.tag === undefined ? null : deps.devicesWithTag(selection.tag);
    const members = deps.devices
      .all()
      .filter(
        (device) => device.status === 'active' && (tagged ? tagged.has(device.id) : device.group === selection.group),
      );
    const where = tagged ? `tag ${selection.tag}` : `group ${selection.group}`;
    const able = members.flatMap((device) => {
      const script = variantFor(variants, platformOf(device));
      return script ? [{ device, script }] : [];
    });
    if (able.length === 0)
      throw new ApiError(
        'validation_failed',
        `${where} has no active device that runs ${name} (${runsOn}); ${members.length} active devices in it`,
      );
    return able;
  };

  /** One envelope per target; each variant's parameters check the arguments once. */
  const envelopesOf = (plan: RunPlan): Array<{ envelope: JobEnvelope; script: ScriptVersionRow }> => {
    const argsByVariant = new Map<number, JobArgs>();
    return plan.targets.map(({ device, script }) => {
      if (!argsByVariant.has(script.scriptId))
        argsByVariant.set(script.scriptId, resolveJobArgs(script.name, script.params, plan.args));
      return { envelope: envelopeFor(plan, device, script, argsByVariant.get(script.scriptId)!), script };
    });
  };

  const envelopeFor = (plan: RunPlan, device: DeviceRow, script: ScriptVersionRow, args: JobArgs): JobEnvelope => {
    const notBefore = plan.notBefore(device);
    return {
      v: 1,
      jobId: newId('job'),
      deviceId: device.id,
      scriptName: script.name,
      scriptVersion: script.version,
      scriptHash: script.sha512,
      interpreter: script.interpreter,
      args,
      timeoutMs: script.timeoutMs,
      notBefore,
      expiresAt: plan.expiresAt(device, notBefore),
      exclusive: !script.concurrent,
      elevation: script.elevation,
      requestedBy: plan.requestedBy,
      requestedAt: now(),
    };
  };

  const store = (
    runId: string,
    plan: Pick<RunPlan, 'requestedBy' | 'scheduleId' | 'ticketId'>,
    signed: SignedJob[],
  ): RunView => {
    deps.db.transaction(() => {
      for (const { envelope, signature, script } of signed) {
        deps.jobs.insert({
          id: envelope.jobId,
          runId,
          scriptId: script.scriptId,
          scriptVersion: script.version,
          deviceId: envelope.deviceId,
          envelope,
          signature,
          requestedBy: plan.requestedBy,
          createdAt: now(),
          notBefore: envelope.notBefore,
          expiresAt: envelope.expiresAt,
          scheduleId: plan.scheduleId ?? null,
          ticketId: plan.ticketId ?? null,
        });
      }
      const first = signed[0]!.envelope;
      deps.audit.record({
        actor: plan.requestedBy,
        action: 'job.requested',
        target: first.scriptName,
        detail: {
          runId,
          versions: [...new Set(signed.map((job) => `${job.script.platforms.join('+')} v${job.script.version}`))],
          devices: signed.map((job) => job.envelope.deviceId),
          args: first.args,
        },
      });
    })();
    for (const job of signed) deps.onChanged?.(job.envelope.jobId, job.envelope.deviceId, 'queued');
    deps.onQueued(signed.map((job) => job.envelope.deviceId));
    return { runId, jobs: signed.map((job) => jobView(deps.jobs.byId(job.envelope.jobId)!)) };
  };

  const planFor = (actor: string, request: RunRequest): RunPlan => {
    if (request.ticketId !== undefined && !deps.jobs.ticketExists(request.ticketId))
      throw new ApiError('validation_failed', `no ticket #${request.ticketId} to run this for`);
    const start = request.notBefore ? Date.parse(request.notBefore) : now();
    return {
      targets: targets(request, variantsOf(request.script, request.version)),
      args: request.args ?? {},
      notBefore: () => start,
      expiresAt: (_device, notBefore) => notBefore + (request.validForMs ?? DEFAULT_VALID_MS),
      requestedBy: actor,
      ticketId: request.ticketId,
    };
  };

  return {
    variantsOf,
    targets,
    /** Signs with the server's key and queues; refused when the key is kept off the server. */
    runPlan(plan: RunPlan): RunView {
      const key = deps.keys.jobSigning;
      if (!key)
        throw new ApiError(
          'invalid_state',
          'the job signing key is not on this server; sign the jobs yourself with `helpline run --signing-key FILE`',
        );
      return store(
        newId('run'),
        plan,
        envelopesOf(plan).map(({ envelope, script }) => ({
          envelope,
          signature: signJob(envelope, key.secretKey),
          script,
        })),
      );
    },
    run(actor: string, request: RunRequest): RunView {
      return this.runPlan(planFor(actor, request));
    },
    /** The envelopes to sign elsewhere; nothing is stored until they come back signed. */
    prepare(actor: string, request: RunRequest): PreparedRun {
      return { runId: newId('run'), envelopes: envelopesOf(planFor(actor, request)).map(({ envelope }) => envelope) };
    },
    storeSigned(actor: string, request: SignedJobsRequest): RunView {
      const signed = request.jobs.map(({ envelope, signature }): SignedJob => {
        const script = deps.scripts
          .version(envelope.scriptName, envelope.scriptVersion)
          .find((row) => row.sha512 === envelope.scriptHash);
        if (!script)
          throw new ApiError(
            'validation_failed',
            `job ${envelope.jobId}: the script does not match ${envelope.scriptName} version ${envelope.scriptVersion} in the library`,
          );
        if (!isJobSignatureValid(envelope, signature, deps.keys.jobSigningPublicKey))
          throw new ApiError(
            'validation_failed',
            `job ${envelope.jobId}: the signature is not from this server's job signing key`,
          );
        if (envelope.requestedBy !== actor)
          throw new ApiError(
            'forbidden',
            `job ${envelope.jobId} was prepared for ${envelope.requestedBy}, not ${actor}`,
          );
        if (!deps.devices.byId(envelope.deviceId))
          throw new ApiError('validation_failed', `job ${envelope.jobId}: no device ${envelope.deviceId}`);
        if (deps.jobs.byId(envelope.jobId)) throw new ApiError('conflict', `job ${envelope.jobId} was stored already`);
        return { envelope, signature, script };
      });
      return store(request.runId, { requestedBy: actor }, signed);
    },
    list: (query: JobListQuery) => deps.jobs.list({ ...query, limit: query.limit ?? 500 }).map(jobView),
    show(id: string): JobView {
      const row = deps.jobs.byId(id);
      if (!row) throw new ApiError('not_found', `no job ${id}`);
      return jobView(row);
    },
    started(deviceId: string, jobId: string, at: number): void {
      const row = deps.jobs.byId(jobId);
      if (row?.deviceId === deviceId && (row.status === 'sent' || row.status === 'queued')) {
        deps.jobs.markRunning(jobId, at);
        deps.onChanged?.(jobId, deviceId, 'running');
      }
    },
    /** Runs inside the ingest transaction. */
    finished(deviceId: string, result: Omit<JobResult, 'seq'>): void {
      const row = deps.jobs.byId(result.jobId);
      if (!row || row.deviceId !== deviceId) return;
      if (result.outcome === 'rejected')
        deps.audit.record({
          actor: deviceId,
          action: 'job.rejected',
          target: row.id,
          detail: { script: row.scriptName, reason: result.reason },
        });
      // A refusal of a job that did run (it was sent twice, the second copy refused as a
      // replay) must not hide the real result.
      if (result.outcome === 'rejected' && row.result && row.result.outcome !== 'rejected') return;
      const { jobId: _jobId, ...kept } = result;
      deps.jobs.finish(row.id, result.outcome, now(), result.startedAt, kept);
      deps.onFinished?.(deps.jobs.byId(row.id)!);
      deps.onChanged?.(row.id, deviceId, result.outcome);
    },
  };
}
export type JobService = ReturnType<typeof createJobService>;
