// A device's inventory, software, change history and health series; software across devices.
import type { FastifyInstance } from 'fastify';
import { parseDuration } from '../../../protocol/duration.js';
import { API } from '../../../protocol/api/routes/index.js';
import { ApiError } from '../../errors.js';
import { serve } from '../../plugins/routes.js';
import type { HealthService } from '../health/service.js';
import type { InventoryService } from './service.js';

const DAY_MS = 86_400_000;

/** "24h" (back from now) or an ISO date-time; `fallbackMs` back from now when absent. */
export function parseSince(text: string | undefined, now: number, fallbackMs: number): number {
  if (text === undefined) return now - fallbackMs;
  const duration = parseDuration(text);
  if (duration !== null) return now - duration;
  const date = Date.parse(text);
  if (Number.isNaN(date)) {
    throw new ApiError(
      'validation_failed',
      `since must be a duration like 24h or 7d, or an ISO date-time, not "${text}"`,
    );
  }
  return date;
}

export function inventoryRoutes(
  app: FastifyInstance,
  deps: { inventory: InventoryService; health: HealthService; now?: () => number },
) {
  const now = deps.now ?? Date.now;
  serve(app, API.inventory.show, async (request) => deps.inventory.inventory(request.params.id));
  serve(app, API.inventory.software, async (request) => deps.inventory.software(request.params.id));
  serve(app, API.inventory.findSoftware, async (request) =>
    deps.inventory.findSoftware(request.query.name, request.query.version),
  );
  serve(app, API.inventory.changes, async (request) =>
    deps.inventory.changes(request.params.id, parseSince(request.query.since, now(), 7 * DAY_MS)),
  );
  serve(app, API.inventory.health, async (request) =>
    deps.health.series(request.params.id, parseSince(request.query.since, now(), DAY_MS), now()),
  );
}
