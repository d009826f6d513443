// Devices: the enrolled PCs, their approval and revocation.
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE } from '../access.js';
import { DeviceActionRequest, DeviceIdParams, DeviceView } from '../devices.js';
import { route } from '../route.js';

export const deviceRoutes = {
  list: route({
    method: 'GET',
    path: '/api/devices',
    summary: 'List devices',
    access: ANY_ROLE,
    response: Type.Array(DeviceView),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/devices/:id',
    summary: 'One device',
    access: ANY_ROLE,
    params: DeviceIdParams,
    response: DeviceView,
    errors: ['not_found'],
  }),
  approve: route({
    method: 'POST',
    path: '/api/devices/:id/approve',
    summary: 'Approve a pending or denied device',
    access: ADMIN,
    params: DeviceIdParams,
    response: DeviceView,
    errors: ['not_found', 'invalid_state'],
  }),
  revoke: route({
    method: 'POST',
    path: '/api/devices/:id/revoke',
    summary: 'Revoke a device: disconnect it now and refuse it from then on',
    access: ADMIN,
    params: DeviceIdParams,
    body: DeviceActionRequest,
    response: DeviceView,
    errors: ['not_found', 'invalid_state'],
  }),
};
