// Maintenance mode: after the device registry and before the fleet (whose rows show it) and the
// faults (which it quiets). A window that runs out by itself is told to the console when it does,
// so the fleet's badge goes without a reload.
import type { Db } from '../../db/database.js';
import type { Events } from '../../events.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceChangeEvents } from '../devices/plugin.js';
import type { DeviceStore } from '../devices/store.js';
import { maintenanceRoutes } from './routes.js';
import { createMaintenanceService } from './service.js';
import { createMaintenanceStore } from './store.js';

interface MaintenanceNeeds {
  db: Db;
  audit: AuditStore;
  deviceStore: DeviceStore;
  deviceChanges: Events<DeviceChangeEvents>;
  now: () => number;
  shutdown: Shutdown;
}

/** setTimeout's longest delay; a window ending later is looked at again then. */
const MAX_DELAY_MS = 2_147_483_647;

export const maintenancePlugin = featurePlugin('maintenance', (app, parts: MaintenanceNeeds) => {
  const { db, audit, deviceStore, now } = parts;
  let timer: NodeJS.Timeout | null = null;
  let lookedUpTo = now();
  let listening = false;
  const maintenance = createMaintenanceService({
    db,
    store: createMaintenanceStore(db),
    devices: deviceStore,
    audit,
    now,
    onDeviceChanged: (deviceId) => parts.deviceChanges.emit('changed', deviceId),
    onWindowsChanged: () => {
      if (listening) armExpiry();
    },
  });

  /** One timer, for the window that runs out first. */
  function armExpiry() {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = maintenance.nextEndAt();
    if (next === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        try {
          lookedUpTo = maintenance.tellRanOut(lookedUpTo);
        } catch (error) {
          app.log.error({ err: error }, 'telling the console of ended maintenance failed');
        }
        armExpiry();
      },
      Math.min(Math.max(next - now(), 0) + 10, MAX_DELAY_MS),
    );
    timer.unref();
  }
  app.addHook('onListen', async () => {
    listening = true;
    armExpiry();
  });
  parts.shutdown.add(() => {
    listening = false;
    if (timer) clearTimeout(timer);
  });

  maintenanceRoutes(app, { maintenance });
  return { maintenance };
});
