// Devices: the registry of enrolled PCs, which the agent hub and most features read, so it comes
// early; and the device routes (list, approve, revoke), which need the hub for who is online.
import type { Db } from '../../db/database.js';
import type { Agents } from '../../hub/agents.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import { deviceRoutes } from './routes.js';
import { createDeviceService } from './service.js';
import { createDeviceStore, type DeviceStore } from './store.js';

export const deviceRegistryPlugin = featurePlugin('device-registry', (_app, parts: { db: Db; now: () => number }) => ({
  deviceStore: createDeviceStore(parts.db, parts.now),
}));

interface DevicesNeeds {
  deviceStore: DeviceStore;
  hub: Agents;
  audit: AuditStore;
}

export const devicesPlugin = featurePlugin('devices', (app, parts: DevicesNeeds) => {
  const { deviceStore, hub, audit } = parts;
  const devices = createDeviceService({ devices: deviceStore, agents: hub, audit });
  hub.on('hello', (agent, hello) => deviceStore.setAgentInfo(agent.deviceId, hello));
  deviceRoutes(app, { devices });
  return { devices };
});
