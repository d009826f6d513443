// The console's only way to the server: protocol's typed client over the route table, on this
// origin with the session cookie, sending the session's CSRF token with every request. A 401
// means the session ended (signed out elsewhere, expired, password changed): the app goes back
// to the sign-in page.
import { createApiClient } from '../../protocol/api/client.js';
import type { CallArgs, ResponseOf, RouteSpec } from '../../protocol/api/route.js';
import { auditRoutes } from '../../protocol/api/routes/audit.js';
import { deviceRoutes } from '../../protocol/api/routes/devices.js';
import { enrollmentRoutes } from '../../protocol/api/routes/enrollment.js';
import { fleetRoutes } from '../../protocol/api/routes/fleet.js';
import { checkPolicyRoutes } from '../../protocol/api/routes/group-settings.js';
import { inventoryRoutes } from '../../protocol/api/routes/inventory.js';
import { jobRoutes } from '../../protocol/api/routes/jobs.js';
import { knowledgeRoutes } from '../../protocol/api/routes/knowledge.js';
import { liveRoutes } from '../../protocol/api/routes/live.js';
import { maintenanceRoutes } from '../../protocol/api/routes/maintenance.js';
import { notificationRoutes } from '../../protocol/api/routes/notifications.js';
import { recordingRoutes } from '../../protocol/api/routes/recordings.js';
import { reportRoutes } from '../../protocol/api/routes/reports.js';
import { scheduleRoutes } from '../../protocol/api/routes/schedules.js';
import { scriptRoutes } from '../../protocol/api/routes/scripts.js';
import { sessionRoutes } from '../../protocol/api/routes/session.js';
import { settingsRoutes } from '../../protocol/api/routes/settings.js';
import { ticketRoutes } from '../../protocol/api/routes/tickets.js';
import { attachmentRoutes } from '../../protocol/api/routes/attachments.js';
import { userRoutes } from '../../protocol/api/routes/users.js';
import { CSRF_HEADER } from '../../protocol/api/session.js';
import { ApiRequestError } from '../../protocol/errors.js';

/**
 * The groups of the route table the console calls, named as in the table. Only these: importing
 * the whole table would put every schema of the API into the first page's bundle. A page that
 * calls another group adds it here.
 */
export const API = {
  devices: deviceRoutes,
  fleet: fleetRoutes,
  inventory: inventoryRoutes,
  tickets: ticketRoutes,
  attachments: attachmentRoutes,
  jobs: jobRoutes,
  scripts: scriptRoutes,
  schedules: scheduleRoutes,
  checkPolicies: checkPolicyRoutes,
  knowledge: knowledgeRoutes,
  live: liveRoutes,
  maintenance: maintenanceRoutes,
  recordings: recordingRoutes,
  reports: reportRoutes,
  session: sessionRoutes,
  // The administration pages.
  enrollment: enrollmentRoutes,
  users: userRoutes,
  settings: settingsRoutes,
  notifications: notificationRoutes,
  audit: auditRoutes,
} as const;

let csrfToken: string | null = null;
let onSessionLost: () => void = () => undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a request that changes something carries (for the one upload sent without fetch). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

/** What to do when the server says the session is gone (set once by the session state). */
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

const client = createApiClient({
  server: '',
  headers: csrfHeaders,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

/** Calls one route of the table; a 401 also ends the console's session. */
export async function call<R extends RouteSpec>(spec: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
  try {
    return await client.call(spec, ...args);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401 && csrfToken !== null) onSessionLost();
    throw error;
  }
}
