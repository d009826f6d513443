import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DeviceActionRequest, DeviceIdParams, DeviceView } from '../../../protocol/api/devices.js';
import { ADMIN, ANY_ROLE, currentUser } from '../../plugins/access.js';
import type { DeviceService } from './service.js';

type WithId = { Params: { id: string } };

export function deviceRoutes(app: FastifyInstance, deps: { devices: DeviceService }) {
  app.get('/api/devices', { config: { access: ANY_ROLE }, schema: { summary: 'List devices', response: { 200: Type.Array(DeviceView) } } }, async () =>
    deps.devices.list(),
  );

  app.get<WithId>('/api/devices/:id', { config: { access: ANY_ROLE }, schema: { summary: 'One device', params: DeviceIdParams, response: { 200: DeviceView } } }, async (request) =>
    deps.devices.show(request.params.id),
  );

  app.post<WithId>(
    '/api/devices/:id/approve',
    { config: { access: ADMIN }, schema: { summary: 'Approve a pending or denied device', params: DeviceIdParams, response: { 200: DeviceView } } },
    async (request) => deps.devices.approve(currentUser(request), request.params.id),
  );

  app.post<WithId & { Body: { reason?: string } | undefined }>(
    '/api/devices/:id/revoke',
    { config: { access: ADMIN }, schema: { summary: 'Revoke a device: disconnect it now and refuse it from then on', params: DeviceIdParams, body: Type.Optional(DeviceActionRequest), response: { 200: DeviceView } } },
    async (request) => deps.devices.revoke(currentUser(request), request.params.id, request.body?.reason),
  );
}
