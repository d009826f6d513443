// The fleet routes: the table, tags, moves, bulk actions, and the user's console preferences.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { FleetService } from './service.js';

export function fleetRoutes(app: FastifyInstance, deps: { fleet: FleetService }) {
  const { fleet } = deps;
  serve(app, API.fleet.list, async (request) => fleet.list(request.query));
  serve(app, API.fleet.tag, async (request) => fleet.changeTags(currentUser(request), request.params.id, request.body));
  serve(app, API.fleet.move, async (request) =>
    fleet.move(currentUser(request), request.params.id, request.body.group),
  );
  serve(app, API.fleet.bulk, async (request) => ({ outcomes: fleet.bulk(currentUser(request), request.body) }));
  serve(app, API.fleet.preferences, async (request) => fleet.preferences(currentUser(request)));
  serve(app, API.fleet.savePreferences, async (request) => fleet.savePreferences(currentUser(request), request.body));
}
