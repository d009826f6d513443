// Jobs: signed runs of library scripts on devices, delivered when the device is online, with
// their results coming back through the agents' outboxes. A finished job is told as an event
// (remediation follows it up on its ticket).
import type { JobStatus } from '../../../protocol/api/jobs.js';
import type { ServerConfig } from '../../config.js';
import type { ServerKeys } from '../../data-dir.js';
import type { Db } from '../../db/database.js';
import { createEvents, type Listen } from '../../events.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import type { IngestQueue } from '../../ingest/ingest-queue.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import type { FleetService } from '../fleet/service.js';
import type { ScriptStore } from '../scripts/store.js';
import { createJobDispatcher } from './dispatcher.js';
import { jobRoutes } from './routes.js';
import { createJobService } from './service.js';
import { createJobStore, type JobRow } from './store.js';

export type JobEvents = {
  finished: [job: JobRow];
  /** A job was queued, sent, started or finished (the live stream tells the console its status). */
  changed: [jobId: string, deviceId: string, status: JobStatus];
};

interface JobsNeeds {
  db: Db;
  config: ServerConfig;
  keys: ServerKeys;
  audit: AuditStore;
  deviceStore: DeviceStore;
  scriptStore: ScriptStore;
  fleet: Pick<FleetService, 'devicesWithTag'>;
  hub: Agents;
  ingest: IngestQueue;
  now: () => number;
  shutdown: Shutdown;
}

export const jobsPlugin = featurePlugin('jobs', (app, parts: JobsNeeds) => {
  const { db, config, keys, audit, deviceStore, scriptStore, hub, ingest, now, shutdown } = parts;
  const jobStore = createJobStore(db);
  const events = createEvents<JobEvents>();
  const jobDispatcher = createJobDispatcher({
    jobs: jobStore,
    scripts: scriptStore,
    send: (deviceId, body) => hub.send(deviceId, 'job.run', body),
    log: app.log,
    intervalMs: config.jobDispatchIntervalMs,
    now,
    onSent: (jobId, deviceId) => events.emit('changed', jobId, deviceId, 'sent'),
  });
  const jobs = createJobService({
    db,
    jobs: jobStore,
    scripts: scriptStore,
    devices: deviceStore,
    keys,
    audit,
    now,
    devicesWithTag: (tag) => parts.fleet.devicesWithTag(tag),
    // Once the queuing transaction has committed, and once per device however many jobs it got.
    onQueued: (deviceIds) => setImmediate(() => new Set(deviceIds).forEach((id) => jobDispatcher.deliver(id))),
    onFinished: (job) => events.emit('finished', job),
    onChanged: (jobId, deviceId, status) => events.emit('changed', jobId, deviceId, status),
  });
  const jobMessages: HandlersOf<'job.started' | 'job.result'> = {
    'job.started': (agent, body) => jobs.started(agent.deviceId, body.jobId, now()),
    'job.result': (agent, { seq, ...result }) => ingest.accept(agent, seq, () => jobs.finished(agent.deviceId, result)),
  };
  hub.on('hello', (agent) => jobDispatcher.deviceOnline(agent.deviceId));
  app.addHook('onListen', async () => jobDispatcher.start());
  shutdown.add(() => jobDispatcher.stop());
  jobRoutes(app, { jobs });
  const jobEvents: Listen<JobEvents> = { on: events.on };
  return { jobs, jobStore, jobDispatcher, jobEvents, jobMessages };
});
