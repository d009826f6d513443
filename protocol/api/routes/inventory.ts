// Inventory: what a device has (hardware, OS, software, services), what changed on it, how it has
// been doing (health series), and which devices have a program.
import { Type } from 'typebox';
import { ANY_ROLE } from '../access.js';
import { DeviceIdParams } from '../devices.js';
import {
  DeviceInventoryView,
  HealthSeriesView,
  InventoryChangeView,
  SinceQuery,
  SoftwareQuery,
  SoftwareView,
} from '../inventory.js';
import { SoftwarePackage } from '../../messages/inventory-items.js';
import { route } from '../route.js';

export const inventoryRoutes = {
  show: route({
    method: 'GET',
    path: '/api/devices/:id/inventory',
    summary: "A device's hardware, OS, software and services",
    access: ANY_ROLE,
    params: DeviceIdParams,
    response: DeviceInventoryView,
    errors: ['not_found'],
  }),
  software: route({
    method: 'GET',
    path: '/api/devices/:id/software',
    summary: 'Software installed on a device',
    access: ANY_ROLE,
    params: DeviceIdParams,
    response: Type.Array(SoftwarePackage),
    errors: ['not_found'],
  }),
  changes: route({
    method: 'GET',
    path: '/api/devices/:id/changes',
    summary: 'Inventory change history, newest first (default: last 7 days)',
    access: ANY_ROLE,
    params: DeviceIdParams,
    query: SinceQuery,
    response: Type.Array(InventoryChangeView),
    errors: ['not_found'],
  }),
  health: route({
    method: 'GET',
    path: '/api/devices/:id/health',
    summary: 'Health series (default: last 24 hours; hourly roll-ups beyond 48 hours)',
    access: ANY_ROLE,
    params: DeviceIdParams,
    query: SinceQuery,
    response: HealthSeriesView,
    errors: ['not_found'],
  }),
  findSoftware: route({
    method: 'GET',
    path: '/api/software',
    summary: 'Which devices have software whose name contains NAME (optionally at one version)',
    access: ANY_ROLE,
    query: SoftwareQuery,
    response: Type.Array(SoftwareView),
    errors: [],
  }),
};
