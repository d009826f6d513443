// Notifications: people subscribe to ticket events and get them by e-mail or webhook. Tickets
// tell this part what happened; deliveries are retried by a worker that runs while the server listens.
// Its API (subscriptions, the delivery queue) is a feature of its own: features/notifications/plugin.ts.
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuditStore } from '../features/audit/store.js';
import { createNotificationService } from '../features/notifications/service.js';
import { sharedPlugin, type Shutdown } from './assembly.js';

interface NotificationsNeeds {
  db: Db;
  config: ServerConfig;
  audit: AuditStore;
  now: () => number;
  publicUrl: () => string;
  shutdown: Shutdown;
}

export const notificationsPlugin = sharedPlugin('notifications', (app, parts: NotificationsNeeds) => {
  const { db, config, audit, now, publicUrl, shutdown } = parts;
  const notifications = createNotificationService({ db, config, log: app.log, now, publicUrl, audit });
  app.addHook('onListen', async () => notifications.start());
  shutdown.add(() => notifications.stop());
  return { notifications };
});
