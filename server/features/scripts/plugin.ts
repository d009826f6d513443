// The script library: versioned maintenance scripts that jobs and schedules run.
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import { scriptRoutes } from './routes.js';
import { createScriptService } from './service.js';
import { createScriptStore } from './store.js';

interface ScriptsNeeds {
  db: Db;
  audit: AuditStore;
  now: () => number;
}

export const scriptsPlugin = featurePlugin('scripts', (app, parts: ScriptsNeeds) => {
  const { db, audit, now } = parts;
  const scriptStore = createScriptStore(db);
  scriptRoutes(app, { scripts: createScriptService({ db, scripts: scriptStore, audit, now }) });
  return { scriptStore };
});
