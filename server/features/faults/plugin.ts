// Faults, in two parts. The checks come early: the agent hub sends each agent its group's policy
// in the welcome, and the ticket service shows which faults are raised on a ticket. The rest comes
// once tickets and jobs exist: faults agents raise become tickets, remediation scripts run for
// them, the server's own offline check, and online agents get a changed policy at once.
import { API } from '../../../protocol/api/routes/index.js';
import type { AgentPolicy } from '../../../protocol/messages/policy.js';
import type { ServerConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { createEvents, type Listen } from '../../events.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import type { IngestQueue } from '../../ingest/ingest-queue.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import type { JobEvents } from '../jobs/plugin.js';
import type { JobService } from '../jobs/service.js';
import type { JobStore } from '../jobs/store.js';
import type { MaintenanceService } from '../maintenance/service.js';
import type { ScriptStore } from '../scripts/store.js';
import { groupSettingRoutes } from '../settings/group-setting-routes.js';
import type { TicketService } from '../tickets/service.js';
import { SYSTEM_ACTOR } from '../tickets/sla-monitor.js';
import type { SnapshotTaker } from '../tickets/snapshot.js';
import type { TicketStore } from '../tickets/store.js';
import { createCheckPolicyService, type CheckPolicyService } from './check-policies.js';
import { createOfflineMonitor } from './offline-monitor.js';
import { createRemediation } from './remediation.js';
import { createFaultService } from './service.js';
import { createFaultStore, type FaultStore } from './store.js';

export type CheckPolicyEvents = { changed: [group: string] };

interface ChecksNeeds {
  db: Db;
  config: ServerConfig;
  audit: AuditStore;
  deviceStore: DeviceStore;
  now: () => number;
}

export const checksPlugin = featurePlugin('checks', (app, parts: ChecksNeeds) => {
  const { db, config, audit, deviceStore, now } = parts;
  const events = createEvents<CheckPolicyEvents>();
  const onChanged = (group: string) => events.emit('changed', group);
  const checkPolicies = createCheckPolicyService({ db, audit, devices: deviceStore, now, onChanged });
  const agentPolicy = (group: string): AgentPolicy => ({
    healthIntervalMs: config.healthIntervalMs,
    inventoryIntervalMs: config.inventoryIntervalMs,
    checks: checkPolicies.forGroup(group).policy,
  });
  groupSettingRoutes(app, { routes: API.checkPolicies, settings: checkPolicies.settings });
  const checkPolicyChanges: Listen<CheckPolicyEvents> = { on: events.on };
  return { checkPolicies, checkPolicyChanges, agentPolicy, faultStore: createFaultStore(db) };
});

interface FaultsNeeds {
  db: Db;
  config: ServerConfig;
  deviceStore: DeviceStore;
  checkPolicies: CheckPolicyService;
  checkPolicyChanges: Listen<CheckPolicyEvents>;
  agentPolicy: (group: string) => AgentPolicy;
  faultStore: FaultStore;
  tickets: TicketService;
  ticketStore: TicketStore;
  snapshot: SnapshotTaker;
  ticketChanged: (ticketId: number) => void;
  jobs: JobService;
  jobStore: JobStore;
  jobEvents: Listen<JobEvents>;
  scriptStore: ScriptStore;
  maintenance: MaintenanceService;
  hub: Agents;
  ingest: IngestQueue;
  now: () => number;
  shutdown: Shutdown;
}

export const faultsPlugin = featurePlugin('faults', (app, parts: FaultsNeeds) => {
  const { db, config, deviceStore, checkPolicies, faultStore, tickets, ticketStore, ticketChanged, hub, ingest, now } =
    parts;
  const remediation = createRemediation({
    jobs: parts.jobs,
    jobStore: parts.jobStore,
    scripts: parts.scriptStore,
    tickets: ticketStore,
    faults: faultStore,
    resolve: (id, resolution) => tickets.resolve(SYSTEM_ACTOR, id, resolution),
    log: app.log,
    now,
    onChanged: ticketChanged,
  });
  parts.jobEvents.on('finished', (job) => remediation.jobFinished(job));
  const faults = createFaultService({
    tickets,
    ticketStore,
    faults: faultStore,
    devices: deviceStore,
    checkPolicies,
    snapshot: parts.snapshot,
    remediation,
    maintenance: parts.maintenance,
    log: app.log,
    now,
    onChanged: ticketChanged,
  });
  const faultMessages: HandlersOf<'fault.raised' | 'fault.cleared'> = {
    'fault.raised': (agent, { seq, ...fault }) =>
      ingest.accept(agent, seq, () => void faults.raised(agent.deviceId, fault)),
    'fault.cleared': (agent, { seq, ...fault }) =>
      ingest.accept(agent, seq, () => void faults.cleared(agent.deviceId, fault)),
  };

  const offlineMonitor = createOfflineMonitor({
    db,
    devices: deviceStore,
    isOnline: (id) => hub.isOnline(id),
    faults,
    faultStore,
    checkPolicies,
    log: app.log,
    intervalMs: config.offlineCheckIntervalMs,
    now,
  });
  hub.on('hello', (agent) => offlineMonitor.deviceOnline(agent.deviceId));
  app.addHook('onListen', async () => offlineMonitor.start());
  parts.shutdown.add(() => offlineMonitor.stop());

  parts.checkPolicyChanges.on('changed', (group) => {
    const policy = parts.agentPolicy(group);
    for (const device of deviceStore.all()) if (device.group === group) hub.send(device.id, 'policy.update', policy);
  });
  return { offlineMonitor, faultMessages };
});
