// Where inventory and health come from on this PC: systeminformation for hardware and health,
// the platform's own tools for software, services and local users.
import type { InventoryData } from '../protocol/messages/inventory.js';
import { sampleHealth } from './health/sampler.js';
import { collectHardware } from './inventory/hardware.js';
import type { Platform } from './platform/platform.js';
import type { WorkSources } from './work.js';

export async function collectInventory(platform: Platform): Promise<InventoryData> {
  const { loggedIn, ...hardware } = await collectHardware();
  const software = await platform.listSoftware();
  const services = await platform.listServices();
  const local = await platform.localUsers();
  return { ...hardware, users: { local, loggedIn }, software: software.items, services: services.items };
}

export function defaultSources(platform: Platform): WorkSources {
  return {
    collectInventory: () => collectInventory(platform),
    sampleHealth: () => sampleHealth(),
    listServices: async () => (await platform.listServices()).items,
  };
}
