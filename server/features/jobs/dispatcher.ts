// Delivers queued jobs: to a device when it connects, when a job for it is queued while it is
// online, and on a timer for jobs whose start time has come. Jobs whose window closed while
// they waited are marked expired. Tests call checkNow() with a fake clock.
import type { FastifyBaseLogger } from 'fastify';
import type { ServerToAgentBody } from '../../../protocol/envelope.js';
import type { ScriptStore } from '../scripts/store.js';
import type { JobStore } from './store.js';
import { periodicCheck } from '../../periodic-check.js';

export function createJobDispatcher(deps: {
  jobs: JobStore;
  scripts: ScriptStore;
  /** Sends to a connected device; false when it is not connected. */
  send: (deviceId: string, body: ServerToAgentBody<'job.run'>) => boolean;
  log: FastifyBaseLogger;
  intervalMs: number;
  now: () => number;
  onSent?: (jobId: string, deviceId: string) => void;
}) {
  const deliver = (deviceId: string) => {
    const at = deps.now();
    for (const job of deps.jobs.deliverable(deviceId, at)) {
      const script = deps.scripts.byId(job.scriptId, job.scriptVersion);
      if (!script) continue;
      if (!deps.send(deviceId, { envelope: job.envelope, signature: job.signature, script: script.body })) return;
      deps.jobs.markSent(job.id, at);
      deps.onSent?.(job.id, deviceId);
      deps.log.info({ jobId: job.id, deviceId, script: script.name }, 'job sent');
    }
  };

  const checkNow = () => {
    const at = deps.now();
    const expired = deps.jobs.expire(at);
    if (expired) deps.log.info({ expired }, 'jobs expired before their device could take them');
    for (const deviceId of deps.jobs.dueDevices(at)) deliver(deviceId);
  };

  return {
    checkNow,
    deliver,
    /** A device connected: what was sent on its last channel and not started goes again. */
    deviceOnline(deviceId: string) {
      deps.jobs.requeueSent(deviceId);
      deliver(deviceId);
    },
    ...periodicCheck(checkNow, { intervalMs: deps.intervalMs, log: deps.log, what: 'job dispatch' }),
  };
}
export type JobDispatcher = ReturnType<typeof createJobDispatcher>;
