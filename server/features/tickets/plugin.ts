// The help desk's tickets: the ticket service and its routes, ratings, the SLA monitor, and the
// employees' side from their PC's agent (help requests, ratings, each PC's list of its tickets).
import type { ServerConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { createEvents, type Listen } from '../../events.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import type { IngestQueue } from '../../ingest/ingest-queue.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { DeviceStore } from '../devices/store.js';
import type { FaultStore } from '../faults/store.js';
import type { HealthStore } from '../health/store.js';
import type { InventoryService } from '../inventory/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { SettingsService } from '../settings/service.js';
import type { UserStore } from '../users/store.js';
import { createEmployeeTicketLists, employeeRequester } from './employee-lists.js';
import { createEmployeeRequests } from './employee-requests.js';
import { createRatingStore } from './rating-store.js';
import { ticketRatingRoutes, ticketRoutes } from './routes.js';
import { createTicketService } from './service.js';
import { createSlaMonitor } from './sla-monitor.js';
import { createSnapshotTaker } from './snapshot.js';
import { createTicketStore } from './store.js';
import { createTicketQueueStore } from './queue-store.js';
import { createTicketQueue } from './queue.js';

/** A ticket was opened or changed, by the ticket service or outside it (the live stream tells the console). */
export type TicketEvents = { changed: [ticketId: number] };

interface TicketsNeeds {
  db: Db;
  config: ServerConfig;
  userStore: UserStore;
  deviceStore: DeviceStore;
  faultStore: FaultStore;
  healthStore: HealthStore;
  inventory: InventoryService;
  settings: SettingsService;
  notifications: NotificationService;
  hub: Agents;
  ingest: IngestQueue;
  now: () => number;
  shutdown: Shutdown;
}

export const ticketsPlugin = featurePlugin('tickets', (app, parts: TicketsNeeds) => {
  const { db, config, deviceStore, hub, ingest, now, shutdown } = parts;
  const ticketStore = createTicketStore(db);
  const events = createEvents<TicketEvents>();
  const ratings = createRatingStore(db);
  const employeeLists = createEmployeeTicketLists({
    tickets: ticketStore,
    ratings,
    send: (deviceId, list) => hub.send(deviceId, 'employee.tickets', list),
  });
  const tickets = createTicketService({
    db,
    tickets: ticketStore,
    faults: parts.faultStore,
    ratings,
    users: parts.userStore,
    devices: deviceStore,
    settings: parts.settings.helpDesk,
    onEvent: (event) => parts.notifications.notify(event),
    onChanged: (id) => ticketChanged(id),
    now,
  });
  const snapshot = createSnapshotTaker({
    devices: deviceStore,
    health: parts.healthStore,
    inventory: parts.inventory,
    now,
  });
  const employee = createEmployeeRequests({ tickets, ticketStore, devices: deviceStore, snapshot });

  hub.on('hello', (agent) => employeeLists.pushOnConnect(agent.deviceId));
  const ticketMessages: HandlersOf<'help.request' | 'ticket.rating'> = {
    'help.request': (agent, { seq, ...request }) =>
      ingest.accept(agent, seq, () => void employee.request(agent.deviceId, request)),
    'ticket.rating': (agent, { seq, ...rating }, envelope) => {
      // Refused for good (the agent drops it) when it can never apply; a repeat is harmless.
      const refusal = seq > ingest.lastSeq(agent.deviceId) ? employee.ratingRefusal(agent.deviceId, rating) : null;
      if (refusal) return agent.reject(envelope.id, 'invalid_message', refusal);
      ingest.accept(agent, seq, () => employee.rate(rating));
    },
  };

  const slaMonitor = createSlaMonitor({
    tickets,
    store: ticketStore,
    settings: parts.settings,
    log: app.log,
    intervalMs: config.slaCheckIntervalMs,
    now,
  });
  app.addHook('onListen', async () => slaMonitor.start());
  shutdown.add(() => slaMonitor.stop());

  ticketRoutes(app, {
    tickets,
    queue: createTicketQueue({ store: createTicketQueueStore(db), view: tickets.viewOf }),
    requesters: () =>
      parts.inventory
        .loggedInUsers()
        .map((entry) => ({ ...entry, name: employeeRequester(entry.user, entry.deviceName) })),
  });
  ticketRatingRoutes(app, { tickets });
  /** A ticket changed outside the ticket service (a fault, a remediation, a shell): its PC hears of it. */
  function ticketChanged(id: number) {
    employeeLists.ticketChanged(id);
    events.emit('changed', id);
  }
  const ticketEvents: Listen<TicketEvents> = { on: events.on };
  return { tickets, ticketStore, snapshot, slaMonitor, ticketChanged, ticketEvents, ticketMessages };
});
