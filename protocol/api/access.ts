// Who may call a route: 'public', or the roles allowed. The route table states it for every route;
// the server refuses to start with a route that has none (fail closed).
import type { Role } from './common.js';

export type Access = 'public' | readonly Role[];

export const ANY_ROLE: readonly Role[] = ['admin', 'technician', 'viewer'];
export const STAFF: readonly Role[] = ['admin', 'technician'];
export const ADMIN: readonly Role[] = ['admin'];
