// Help-desk reports (KPIs per line, group or category), measured with the SLA policy in force.
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { SettingsService } from '../settings/service.js';
import { reportRoutes } from './routes.js';
import { createReportService } from './service.js';

interface ReportsNeeds {
  db: Db;
  settings: SettingsService;
  now: () => number;
}

export const reportsPlugin = featurePlugin('reports', (app, parts: ReportsNeeds) => {
  const { db, settings, now } = parts;
  reportRoutes(app, { reports: createReportService({ db, slaPolicy: () => settings.helpDesk().slaPolicy, now }) });
  return {};
});
