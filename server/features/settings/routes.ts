import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { SettingsService } from './service.js';

export function settingsRoutes(app: FastifyInstance, deps: { settings: SettingsService }) {
  serve(app, API.settings.helpDesk, async () => deps.settings.helpDesk());
  // The service checks the body (schema plus calendar and matrix rules) for one clear error.
  serve(app, API.settings.setHelpDesk, async (request) =>
    deps.settings.setHelpDesk(currentUser(request).name, request.body),
  );
}
