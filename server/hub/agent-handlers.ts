// What the server does with each message an agent sends, in one typed map: adding a message
// type to the protocol without a handler here is a compile error.
import type { AgentToServerBody, AgentToServerType, ServerToAgentBody, ServerToAgentType } from '../../protocol/envelope.js';
import type { DeviceStore } from '../features/devices/store.js';
import type { OfflineMonitor } from '../features/faults/offline-monitor.js';
import type { JobDispatcher } from '../features/jobs/dispatcher.js';
import type { JobService } from '../features/jobs/service.js';
import type { ShellRelay } from '../features/shell/relay.js';
import type { FaultService } from '../features/faults/service.js';
import type { EmployeeRequests } from '../features/tickets/employee-requests.js';
import type { HealthStore } from '../features/health/store.js';
import type { InventoryService } from '../features/inventory/service.js';
import type { InventoryStore } from '../features/inventory/store.js';
import type { IngestQueue } from '../ingest/ingest-queue.js';
import type { Presence } from './presence.js';

export interface AgentContext {
  deviceId: string;
  send<K extends ServerToAgentType>(type: K, body: ServerToAgentBody<K>): boolean;
  /** Refuses one message with an error back to the agent; the connection stays up. */
  reject(inReplyTo: string, code: string, message: string): void;
  close(code: number, reason: string): void;
}

export interface HandlerServices {
  devices: DeviceStore;
  presence: Presence;
  ingest: IngestQueue;
  inventory: InventoryService;
  inventoryStore: InventoryStore;
  health: HealthStore;
  faults: FaultService;
  offline: OfflineMonitor;
  employee: EmployeeRequests;
  jobs: JobService;
  dispatcher: JobDispatcher;
  shells: ShellRelay;
  now?: () => number;
}

export type AgentHandler<K extends AgentToServerType> = (
  context: AgentContext,
  body: AgentToServerBody<K>,
  envelope: { id: string },
) => void | Promise<void>;

export type AgentHandlers = { [K in AgentToServerType]: AgentHandler<K> };

export function createAgentHandlers(services: HandlerServices): AgentHandlers {
  const now = services.now ?? Date.now;
  return {
    'agent.hello': (context, body) => {
      services.devices.setAgentInfo(context.deviceId, body);
      // The agent sent inventory before, yet none is stored (a restored database): ask for all of it.
      if (services.ingest.lastSeq(context.deviceId) > 0 && !services.inventoryStore.hasInventory(context.deviceId)) {
        context.send('inventory.resync', {});
      }
      services.employee.pushOnConnect(context.deviceId);
      services.offline.deviceOnline(context.deviceId);
      services.dispatcher.deviceOnline(context.deviceId);
    },
    'agent.heartbeat': (context, body) => {
      services.presence.touch(context.deviceId);
      context.send('heartbeat.ack', { sentAt: body.sentAt, serverTime: now() });
    },
    'inventory.report': (context, body) => {
      const { seq, ...report } = body;
      const receivedAt = now();
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => services.inventory.apply(context.deviceId, report, receivedAt) });
    },
    'health.batch': (context, body) => {
      services.presence.touch(context.deviceId);
      services.ingest.enqueue({ deviceId: context.deviceId, seq: body.seq, sink: context, apply: () => services.health.insert(context.deviceId, body.samples) });
    },
    'fault.raised': (context, { seq, ...fault }) => {
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => void services.faults.raised(context.deviceId, fault) });
    },
    'fault.cleared': (context, { seq, ...fault }) => {
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => void services.faults.cleared(context.deviceId, fault) });
    },
    'help.request': (context, { seq, ...request }) => {
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => void services.employee.request(context.deviceId, request) });
    },
    'job.started': (context, body) => services.jobs.started(context.deviceId, body.jobId, now()),
    'job.result': (context, { seq, ...result }) => {
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => services.jobs.finished(context.deviceId, result) });
    },
    'shell.waiting': (context, body) => services.shells.fromAgent.waiting(context.deviceId, body),
    'shell.opened': (context, body) => services.shells.fromAgent.opened(context.deviceId, body),
    'shell.output': (context, body) => services.shells.fromAgent.output(context.deviceId, body),
    'shell.exit': (context, body) => services.shells.fromAgent.exit(context.deviceId, body),
    'ticket.rating': (context, { seq, ...rating }, envelope) => {
      // Refused for good (the agent drops it) when it can never apply; a repeat is harmless.
      const refusal = seq > services.ingest.lastSeq(context.deviceId) ? services.employee.ratingRefusal(context.deviceId, rating) : null;
      if (refusal) return context.reject(envelope.id, 'invalid_message', refusal);
      services.ingest.enqueue({ deviceId: context.deviceId, seq, sink: context, apply: () => services.employee.rate(rating) });
    },
  };
}
