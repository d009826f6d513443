// Live updates for the web console: what the other features tell (agents coming and going, device
// records changing, health samples stored, tickets and jobs changing) goes out as events on each
// open browser tab's stream. Events say what changed; each carries only what every role that hears
// it may read (jobs are staff-only, as their routes are; their output never travels here).
import { STAFF } from '../../../protocol/api/access.js';
import type { Role } from '../../../protocol/api/common.js';
import type { Listen } from '../../events.js';
import type { Agents } from '../../hub/agents.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { SignOutEvents } from '../../plugins/auth.js';
import { iso } from '../../time.js';
import type { DeviceChangeEvents } from '../devices/plugin.js';
import type { DeviceStore } from '../devices/store.js';
import type { HealthEvents } from '../health/plugin.js';
import type { JobEvents } from '../jobs/plugin.js';
import type { TicketEvents } from '../tickets/plugin.js';
import type { TicketStore } from '../tickets/store.js';
import type { UserEvents } from '../users/plugin.js';
import { liveRoutes } from './routes.js';
import { createLiveStreams } from './streams.js';

interface LiveNeeds {
  hub: Agents;
  deviceStore: DeviceStore;
  deviceChanges: Listen<DeviceChangeEvents>;
  healthEvents: Listen<HealthEvents>;
  ticketStore: TicketStore;
  ticketEvents: Listen<TicketEvents>;
  jobEvents: Listen<JobEvents>;
  signOutEvents: Listen<SignOutEvents>;
  userEvents: Listen<UserEvents>;
  shutdown: Shutdown;
}

export const livePlugin = featurePlugin('live', (app, parts: LiveNeeds) => {
  const { hub, deviceStore, ticketStore } = parts;
  const streams = createLiveStreams({
    onDropped: (owner) => app.log.warn({ userId: owner.userId }, 'live stream dropped: its reader fell too far behind'),
  });
  const lastSeen = (deviceId: string) => {
    const at = hub.lastSeenAt(deviceId) ?? deviceStore.byId(deviceId)?.lastSeenAt ?? null;
    return at === null ? null : iso(at);
  };
  const staffOnly = (stream: { role: Role }) => STAFF.includes(stream.role);

  parts.hub.on('hello', (agent) =>
    streams.send({
      type: 'device.online',
      deviceId: agent.deviceId,
      online: true,
      lastSeenAt: lastSeen(agent.deviceId),
    }),
  );
  parts.hub.on('disconnected', (deviceId) =>
    streams.send({ type: 'device.online', deviceId, online: false, lastSeenAt: lastSeen(deviceId) }),
  );
  parts.deviceChanges.on('changed', (deviceId) => streams.send({ type: 'device.changed', deviceId }));
  parts.healthEvents.on('stored', (deviceId, samples) => {
    for (const sample of samples)
      streams.send({ type: 'health.sample', deviceId, sample }, (stream) => stream.device === deviceId);
  });
  // Tickets change inside other features' transactions: read once those have committed.
  parts.ticketEvents.on('changed', (ticketId) =>
    queueMicrotask(() => {
      const ticket = ticketStore.byId(ticketId);
      if (ticket) streams.send({ type: 'ticket.changed', ticketId, deviceId: ticket.deviceId, status: ticket.status });
    }),
  );
  parts.jobEvents.on('changed', (jobId, deviceId, status) =>
    queueMicrotask(() => streams.send({ type: 'job.changed', jobId, deviceId, status }, staffOnly)),
  );
  parts.signOutEvents.on('signedOut', (tokenId) => streams.endLogin(tokenId));
  parts.userEvents.on('disabled', (userId) => streams.endUser(userId));
  parts.shutdown.add(() => streams.endAll());

  liveRoutes(app, { streams });
  return { liveStreams: streams };
});
