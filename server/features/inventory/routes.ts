import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DeviceIdParams } from '../../../protocol/api/devices.js';
import { DeviceInventoryView, HealthSeriesView, InventoryChangeView, SinceQuery, SoftwareQuery, SoftwareView } from '../../../protocol/api/inventory.js';
import { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { parseDuration } from '../../../protocol/duration.js';
import { ApiError } from '../../errors.js';
import { ANY_ROLE } from '../../plugins/access.js';
import type { HealthService } from '../health/service.js';
import type { InventoryService } from './service.js';

type WithId = { Params: { id: string } };
type WithSince = WithId & { Querystring: { since?: string } };

/** "24h" (back from now) or an ISO date-time; `fallbackMs` back from now when absent. */
export function parseSince(text: string | undefined, now: number, fallbackMs: number): number {
  if (text === undefined) return now - fallbackMs;
  const duration = parseDuration(text);
  if (duration !== null) return now - duration;
  const date = Date.parse(text);
  if (Number.isNaN(date)) throw new ApiError('validation_failed', `since must be a duration like 24h or 7d, or an ISO date-time, not "${text}"`);
  return date;
}

export function inventoryRoutes(app: FastifyInstance, deps: { inventory: InventoryService; health: HealthService; now?: () => number }) {
  const now = deps.now ?? Date.now;

  app.get<WithId>('/api/devices/:id/inventory', { config: { access: ANY_ROLE }, schema: { summary: "A device's hardware, OS, software and services", params: DeviceIdParams, response: { 200: DeviceInventoryView } } }, async (request) =>
    deps.inventory.inventory(request.params.id),
  );

  app.get<WithId>('/api/devices/:id/software', { config: { access: ANY_ROLE }, schema: { summary: 'Software installed on a device', params: DeviceIdParams, response: { 200: Type.Array(SoftwarePackage) } } }, async (request) =>
    deps.inventory.software(request.params.id),
  );

  app.get<{ Querystring: { name: string; version?: string } }>(
    '/api/software',
    { config: { access: ANY_ROLE }, schema: { summary: 'Which devices have software whose name contains NAME (optionally at one version)', querystring: SoftwareQuery, response: { 200: Type.Array(SoftwareView) } } },
    async (request) => deps.inventory.findSoftware(request.query.name, request.query.version),
  );

  app.get<WithSince>(
    '/api/devices/:id/changes',
    { config: { access: ANY_ROLE }, schema: { summary: 'Inventory change history, newest first (default: last 7 days)', params: DeviceIdParams, querystring: SinceQuery, response: { 200: Type.Array(InventoryChangeView) } } },
    async (request) => deps.inventory.changes(request.params.id, parseSince(request.query.since, now(), 7 * 86_400_000)),
  );

  app.get<WithSince>(
    '/api/devices/:id/health',
    { config: { access: ANY_ROLE }, schema: { summary: 'Health series (default: last 24 hours; hourly roll-ups beyond 48 hours)', params: DeviceIdParams, querystring: SinceQuery, response: { 200: HealthSeriesView } } },
    async (request) => deps.health.series(request.params.id, parseSince(request.query.since, now(), 86_400_000), now()),
  );
}
