// The route table: every HTTP route of the Helpline API, one group per feature. The server
// registers exactly these (and refuses to start when one has no handler); the typed client and
// the OpenAPI document are made from them.
import type { RouteSpec } from '../route.js';
import { deviceRoutes } from './devices.js';
import { sessionRoutes } from './session.js';

export const API = {
  devices: deviceRoutes,
  session: sessionRoutes,
} as const;

/** Every route of the table, for the server's start-up check and the documentation. */
export function allRoutes(): RouteSpec[] {
  return Object.values(API).flatMap((group) => Object.values(group) as RouteSpec[]);
}
