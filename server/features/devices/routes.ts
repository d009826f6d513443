import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { DeviceService } from './service.js';

export function deviceRoutes(app: FastifyInstance, deps: { devices: DeviceService }) {
  serve(app, API.devices.list, async () => deps.devices.list());
  serve(app, API.devices.show, async (request) => deps.devices.show(request.params.id));
  serve(app, API.devices.approve, async (request) => deps.devices.approve(currentUser(request), request.params.id));
  serve(app, API.devices.revoke, async (request) =>
    deps.devices.revoke(currentUser(request), request.params.id, request.body?.reason),
  );
}
