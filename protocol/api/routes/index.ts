// The route table: every HTTP route of the Helpline API, one group per feature. The server
// registers exactly these (and refuses to start when one has no handler); the typed client and
// the OpenAPI document are made from them.
import type { RouteSpec } from '../route.js';
import { attachmentRoutes } from './attachments.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { deviceRoutes } from './devices.js';
import { enrollmentRoutes } from './enrollment.js';
import { checkPolicyRoutes, shellPolicyRoutes } from './group-settings.js';
import { fleetRoutes } from './fleet.js';
import { healthRoutes } from './health.js';
import { inventoryRoutes } from './inventory.js';
import { jobRoutes } from './jobs.js';
import { knowledgeRoutes } from './knowledge.js';
import { liveRoutes } from './live.js';
import { maintenanceRoutes } from './maintenance.js';
import { metaRoutes } from './meta.js';
import { notificationRoutes } from './notifications.js';
import { recordingRoutes } from './recordings.js';
import { reportRoutes } from './reports.js';
import { scheduleRoutes } from './schedules.js';
import { scriptRoutes } from './scripts.js';
import { sessionRoutes } from './session.js';
import { settingsRoutes } from './settings.js';
import { ticketRoutes } from './tickets.js';
import { userRoutes } from './users.js';

export const API = {
  devices: deviceRoutes,
  auth: authRoutes,
  users: userRoutes,
  enrollment: enrollmentRoutes,
  audit: auditRoutes,
  health: healthRoutes,
  settings: settingsRoutes,
  checkPolicies: checkPolicyRoutes,
  shellPolicies: shellPolicyRoutes,
  notifications: notificationRoutes,
  meta: metaRoutes,
  tickets: ticketRoutes,
  knowledge: knowledgeRoutes,
  attachments: attachmentRoutes,
  reports: reportRoutes,
  inventory: inventoryRoutes,
  scripts: scriptRoutes,
  jobs: jobRoutes,
  schedules: scheduleRoutes,
  recordings: recordingRoutes,
  session: sessionRoutes,
  live: liveRoutes,
  fleet: fleetRoutes,
  maintenance: maintenanceRoutes,
} as const;

/** Every route of the table, for the server's start-up check and the documentation. */
export function allRoutes(): RouteSpec[] {
  return Object.values(API).flatMap((group) => Object.values(group) as RouteSpec[]);
}
