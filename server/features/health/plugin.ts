// Health: the samples agents send in batches, their hourly roll-ups, and the hourly retention
// job; also the server's own liveness route.
import { HELPLINE_VERSION } from '../../../protocol/version.js';
import type { ServerConfig } from '../../config.js';
import type { HealthSample } from '../../../protocol/messages/health.js';
import type { Db } from '../../db/database.js';
import { createEvents, type Listen } from '../../events.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import type { IngestQueue } from '../../ingest/ingest-queue.js';
import { periodicCheck, RETENTION_EVERY_MS } from '../../periodic-check.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { DeviceStore } from '../devices/store.js';
import { healthRoutes } from './liveness-routes.js';
import { createHealthService } from './service.js';
import { createHealthStore } from './store.js';

/** Samples just stored for a device (the live stream sends them to the tabs watching it). */
export type HealthEvents = { stored: [deviceId: string, samples: HealthSample[]] };

interface HealthNeeds {
  db: Db;
  config: ServerConfig;
  deviceStore: DeviceStore;
  hub: Agents;
  ingest: IngestQueue;
  now: () => number;
  shutdown: Shutdown;
}

export const healthPlugin = featurePlugin('health', (app, parts: HealthNeeds) => {
  const { db, config, deviceStore, hub, ingest, now, shutdown } = parts;
  const healthStore = createHealthStore(db);
  const retention = { rawMs: config.healthRawRetentionMs, hourlyMs: config.healthHourlyRetentionMs };
  const health = createHealthService({ health: healthStore, devices: deviceStore, retention, now });
  const events = createEvents<HealthEvents>();
  const healthMessages: HandlersOf<'health.batch'> = {
    'health.batch': (agent, { seq, samples }) =>
      ingest.accept(agent, seq, () => {
        const stored: HealthSample[] = [];
        healthStore.insert(agent.deviceId, samples, (sample) => stored.push(sample));
        // Told once the ingest transaction that stored them has committed (it runs synchronously).
        if (stored.length) queueMicrotask(() => events.emit('stored', agent.deviceId, stored));
      }),
  };
  const pruneHealth = () => {
    const pruned = health.prune();
    if (pruned.raw || pruned.hourly) app.log.info(pruned, 'pruned old health data');
  };
  const retentionCheck = periodicCheck(pruneHealth, {
    intervalMs: RETENTION_EVERY_MS,
    log: app.log,
    what: 'health retention',
  });
  app.addHook('onListen', async () => retentionCheck.start());
  shutdown.add(() => retentionCheck.stop());
  healthRoutes(app, { version: HELPLINE_VERSION, agentsOnline: () => hub.onlineCount() });
  const healthEvents: Listen<HealthEvents> = { on: events.on };
  return { health, healthStore, healthMessages, healthEvents };
});
