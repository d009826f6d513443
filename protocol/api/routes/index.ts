// The route table: every HTTP route of the Helpline API, one group per feature. The server
// registers exactly these (and refuses to start when one has no handler); the typed client and
// the OpenAPI document are made from them.
import type { RouteSpec } from '../route.js';
import { attachmentRoutes } from './attachments.js';
import { deviceRoutes } from './devices.js';
import { knowledgeRoutes } from './knowledge.js';
import { reportRoutes } from './reports.js';
import { ticketRoutes } from './tickets.js';

export const API = {
  devices: deviceRoutes,
  tickets: ticketRoutes,
  knowledge: knowledgeRoutes,
  attachments: attachmentRoutes,
  reports: reportRoutes,
} as const;

/** Every route of the table, for the server's start-up check and the documentation. */
export function allRoutes(): RouteSpec[] {
  return Object.values(API).flatMap((group) => Object.values(group) as RouteSpec[]);
}
