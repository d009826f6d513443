// Maintenance windows: anyone signed in sees them (the fleet shows them to every role); staff
// start and end them (audited).
import { Type } from 'typebox';
import { ANY_ROLE, STAFF } from '../access.js';
import { MaintenanceIdParams, MaintenanceQuery, MaintenanceRequest, MaintenanceView } from '../maintenance.js';
import { route } from '../route.js';

export const maintenanceRoutes = {
  list: route({
    method: 'GET',
    path: '/api/maintenance',
    summary: 'Maintenance windows in force (optionally those covering one device or group)',
    access: ANY_ROLE,
    query: MaintenanceQuery,
    response: Type.Array(MaintenanceView),
    errors: ['not_found'],
  }),
  start: route({
    method: 'POST',
    path: '/api/maintenance',
    summary: 'Put a device or a group in maintenance for a while (audited)',
    access: STAFF,
    body: MaintenanceRequest,
    response: MaintenanceView,
    status: 201,
    errors: ['not_found', 'conflict'],
  }),
  end: route({
    method: 'POST',
    path: '/api/maintenance/:id/end',
    summary: 'End a maintenance window now (audited)',
    access: STAFF,
    params: MaintenanceIdParams,
    response: MaintenanceView,
    errors: ['not_found', 'conflict'],
  }),
};
