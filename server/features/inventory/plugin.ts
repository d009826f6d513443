// Inventory: the reports agents send (changed sections only), their history, and the routes that
// show a device's inventory and health.
import type { Db } from '../../db/database.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import type { IngestQueue } from '../../ingest/ingest-queue.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { DeviceStore } from '../devices/store.js';
import type { HealthService } from '../health/service.js';
import { inventoryRoutes } from './routes.js';
import { createInventoryService } from './service.js';
import { createInventoryStore } from './store.js';

interface InventoryNeeds {
  db: Db;
  deviceStore: DeviceStore;
  health: HealthService;
  hub: Agents;
  ingest: IngestQueue;
  now: () => number;
}

export const inventoryPlugin = featurePlugin('inventory', (app, parts: InventoryNeeds) => {
  const { db, deviceStore, health, hub, ingest, now } = parts;
  const inventoryStore = createInventoryStore(db);
  const inventory = createInventoryService({ inventory: inventoryStore, devices: deviceStore });
  const inventoryMessages: HandlersOf<'inventory.report'> = {
    'inventory.report': (agent, { seq, ...report }) => {
      const receivedAt = now();
      ingest.accept(agent, seq, () => inventory.apply(agent.deviceId, report, receivedAt));
    },
  };
  hub.on('hello', (agent) => {
    // The agent sent inventory before, yet none is stored (a restored database): ask for all of it.
    if (ingest.lastSeq(agent.deviceId) > 0 && !inventoryStore.hasInventory(agent.deviceId))
      agent.send('inventory.resync', {});
  });
  inventoryRoutes(app, { inventory, health, now });
  return { inventory, inventoryStore, inventoryMessages };
});
