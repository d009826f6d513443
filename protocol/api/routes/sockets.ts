// The WebSocket endpoints of the API. Each is declared like a route (the upgrade is a GET with a
// path, a query and the same sign-in) so that clients build its URL from here and the server
// matches its path from here; they are not in the route table, as no HTTP handler serves them.
import { STAFF } from '../access.js';
import { DeviceIdParams } from '../devices.js';
import { route } from '../route.js';
import { ShellQuery } from '../shell.js';

export const API_SOCKETS = {
  /** A remote shell on a device (frames: protocol/api/shell.ts); refusals come as HTTP errors before the upgrade. */
  shell: route({
    method: 'GET',
    path: '/api/devices/:id/shell',
    summary: 'Open a remote shell on a device (recorded; audited)',
    // The device group's shell policy may narrow this further; viewers never get a shell.
    access: STAFF,
    params: DeviceIdParams,
    query: ShellQuery,
    errors: ['not_found', 'invalid_state', 'conflict'],
  }),
};
