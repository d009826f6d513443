// Help-desk reports (KPIs per line, group or category), measured with the SLA policy in force.
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { SettingsService } from '../settings/service.js';
import { reportRoutes } from './routes.js';
import { createReportService } from './service.js';

export const reportsPlugin = featurePlugin('reports', (app, { db, settings, now }: { db: Db; settings: SettingsService; now: () => number }) => {
  reportRoutes(app, { reports: createReportService({ db, slaPolicy: () => settings.helpDesk().slaPolicy, now }) });
  return {};
});
