// The help desk's settings (SLA policy, priority matrix, escalation rules), changed by admins.
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { UserStore } from '../users/store.js';
import { settingsRoutes } from './routes.js';
import { createSettingsService } from './service.js';

interface SettingsNeeds {
  db: Db;
  audit: AuditStore;
  userStore: UserStore;
  now: () => number;
}

export const settingsPlugin = featurePlugin('settings', (app, parts: SettingsNeeds) => {
  const { db, audit, userStore, now } = parts;
  const settings = createSettingsService({ db, audit, users: userStore, now });
  settingsRoutes(app, { settings });
  return { settings };
});
