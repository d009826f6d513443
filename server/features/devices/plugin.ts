// Devices: the registry of enrolled PCs, which the agent hub and most features read, so it comes
// early; and the device routes (list, approve, revoke), which need the hub for who is online.
import type { Db } from '../../db/database.js';
import { createEvents, type Events } from '../../events.js';
import type { Agents } from '../../hub/agents.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import { deviceRoutes } from './routes.js';
import { createDeviceService } from './service.js';
import { createDeviceStore, type DeviceStore } from './store.js';

/** A device's record changed (enrolled, approved, revoked); the live stream tells the console. */
export type DeviceChangeEvents = { changed: [deviceId: string] };

export const deviceRegistryPlugin = featurePlugin('device-registry', (_app, parts: { db: Db; now: () => number }) => ({
  deviceStore: createDeviceStore(parts.db, parts.now),
  // With the registry, so that every feature that changes a device record can say so.
  deviceChanges: createEvents<DeviceChangeEvents>(),
}));

interface DevicesNeeds {
  deviceStore: DeviceStore;
  deviceChanges: Events<DeviceChangeEvents>;
  hub: Agents;
  audit: AuditStore;
}

export const devicesPlugin = featurePlugin('devices', (app, parts: DevicesNeeds) => {
  const { deviceStore, hub, audit } = parts;
  const devices = createDeviceService({
    devices: deviceStore,
    agents: hub,
    audit,
    onChanged: (id) => parts.deviceChanges.emit('changed', id),
  });
  hub.on('hello', (agent, hello) => deviceStore.setAgentInfo(agent.deviceId, hello));
  deviceRoutes(app, { devices });
  return { devices };
});
