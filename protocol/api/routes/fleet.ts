// The fleet table, tags, group moves and bulk actions, and the user's console preferences.
// Every change is audited per device; a bulk request answers per device what happened.
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE, STAFF } from '../access.js';
import { DeviceIdParams, DeviceView } from '../devices.js';
import { BulkRequest, BulkResult, FleetQuery, FleetRow, GroupChange, Preferences, TagChange } from '../fleet.js';
import { route } from '../route.js';

export const fleetRoutes = {
  list: route({
    method: 'GET',
    path: '/api/fleet',
    summary: 'Every enrolled device with its tags, latest health and open tickets',
    access: ANY_ROLE,
    query: FleetQuery,
    response: Type.Array(FleetRow),
    errors: [],
  }),
  tag: route({
    method: 'POST',
    path: '/api/devices/:id/tags',
    summary: 'Add tags to a device or remove them (audited)',
    access: STAFF,
    params: DeviceIdParams,
    body: TagChange,
    response: FleetRow,
    errors: ['not_found', 'validation_failed'],
  }),
  move: route({
    method: 'POST',
    path: '/api/devices/:id/group',
    summary: 'Move a device to another group (audited)',
    access: ADMIN,
    params: DeviceIdParams,
    body: GroupChange,
    response: DeviceView,
    errors: ['not_found'],
  }),
  bulk: route({
    method: 'POST',
    path: '/api/devices/bulk',
    summary: 'Tag, move, approve or revoke many devices; answers per device (each change audited)',
    // Each outcome is also checked against the action's own role: approve, revoke and move are admin only.
    access: STAFF,
    body: BulkRequest,
    response: BulkResult,
    errors: ['forbidden'],
  }),
  preferences: route({
    method: 'GET',
    path: '/api/me/preferences',
    summary: "The signed-in user's console preferences",
    access: ANY_ROLE,
    response: Preferences,
    errors: [],
  }),
  savePreferences: route({
    method: 'PUT',
    path: '/api/me/preferences',
    summary: "Replace the signed-in user's console preferences",
    access: ANY_ROLE,
    body: Preferences,
    response: Preferences,
    errors: [],
  }),
};
