// The route table: every HTTP route of the Helpline API, one group per feature. The server
// registers exactly these (and refuses to start when one has no handler); the typed client and
// the OpenAPI document are made from them.
import type { RouteSpec } from '../route.js';
import { deviceRoutes } from './devices.js';
import { inventoryRoutes } from './inventory.js';
import { jobRoutes } from './jobs.js';
import { recordingRoutes } from './recordings.js';
import { scheduleRoutes } from './schedules.js';
import { scriptRoutes } from './scripts.js';

export const API = {
  devices: deviceRoutes,
  inventory: inventoryRoutes,
  scripts: scriptRoutes,
  jobs: jobRoutes,
  schedules: scheduleRoutes,
  recordings: recordingRoutes,
} as const;

/** Every route of the table, for the server's start-up check and the documentation. */
export function allRoutes(): RouteSpec[] {
  return Object.values(API).flatMap((group) => Object.values(group) as RouteSpec[]);
}
