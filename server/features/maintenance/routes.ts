// Maintenance windows: listed for anyone signed in; started and ended by staff (audited).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { MaintenanceService } from './service.js';

export function maintenanceRoutes(app: FastifyInstance, deps: { maintenance: MaintenanceService }) {
  const { maintenance } = deps;
  serve(app, API.maintenance.list, async (request) => maintenance.list(request.query));
  serve(app, API.maintenance.start, async (request) => maintenance.start(currentUser(request).name, request.body));
  serve(app, API.maintenance.end, async (request) => maintenance.end(currentUser(request).name, request.params.id));
}
