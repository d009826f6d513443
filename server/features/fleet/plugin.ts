// The fleet: the web console's table of every device with its tags, latest health and open
// tickets; tags and group moves; bulk actions. After devices, inventory and tickets, whose
// facts its rows gather.
import type { AgentPolicy } from '../../../protocol/messages/policy.js';
import type { Db } from '../../db/database.js';
import type { Events } from '../../events.js';
import type { Agents } from '../../hub/agents.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceChangeEvents } from '../devices/plugin.js';
import type { DeviceService } from '../devices/service.js';
import type { InventoryStore } from '../inventory/store.js';
import type { MaintenanceService } from '../maintenance/service.js';
import { fleetRoutes } from './routes.js';
import { createFleetService } from './service.js';
import { createFleetStore } from './store.js';

interface FleetNeeds {
  db: Db;
  now: () => number;
  devices: DeviceService;
  deviceChanges: Events<DeviceChangeEvents>;
  inventoryStore: InventoryStore;
  audit: AuditStore;
  hub: Agents;
  agentPolicy: (group: string) => AgentPolicy;
  maintenance: MaintenanceService;
}

export const fleetPlugin = featurePlugin('fleet', (app, parts: FleetNeeds) => {
  const fleet = createFleetService({
    fleet: createFleetStore(parts.db, parts.now),
    devices: parts.devices,
    inventory: parts.inventoryStore,
    audit: parts.audit,
    agents: parts.hub,
    agentPolicy: parts.agentPolicy,
    maintenance: parts.maintenance,
    onChanged: (deviceId) => parts.deviceChanges.emit('changed', deviceId),
  });
  fleetRoutes(app, { fleet });
  return { fleet };
});
