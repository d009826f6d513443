// Schedules: scripts run on a cron, inside maintenance windows, spread over the targets.
import type { ServerConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import type { JobService } from '../jobs/service.js';
import type { ScriptStore } from '../scripts/store.js';
import { scheduleRoutes } from './routes.js';
import { createScheduler } from './scheduler.js';
import { createScheduleService } from './service.js';
import { createScheduleStore } from './store.js';

interface SchedulesNeeds {
  db: Db;
  config: ServerConfig;
  audit: AuditStore;
  deviceStore: DeviceStore;
  scriptStore: ScriptStore;
  jobs: JobService;
  now: () => number;
  shutdown: Shutdown;
}

export const schedulesPlugin = featurePlugin('schedules', (app, parts: SchedulesNeeds) => {
  const { db, config, audit, deviceStore, scriptStore, jobs, now, shutdown } = parts;
  const scheduleStore = createScheduleStore(db);
  const scheduler = createScheduler({
    schedules: scheduleStore,
    scripts: scriptStore,
    jobs,
    log: app.log,
    intervalMs: config.scheduleCheckIntervalMs,
    now,
  });
  app.addHook('onListen', async () => scheduler.start());
  shutdown.add(() => scheduler.stop());
  scheduleRoutes(app, {
    schedules: createScheduleService({
      db,
      schedules: scheduleStore,
      scripts: scriptStore,
      devices: deviceStore,
      audit,
      now,
    }),
  });
  return { scheduler };
});
