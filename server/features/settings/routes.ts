import type { FastifyInstance } from 'fastify';
import { HelpDeskSettings } from '../../../protocol/api/help-desk-settings.js';
import { ADMIN, ANY_ROLE, currentUser } from '../../plugins/access.js';
import type { SettingsService } from './service.js';

export function settingsRoutes(app: FastifyInstance, deps: { settings: SettingsService }) {
  app.get('/api/settings/help-desk', { config: { access: ANY_ROLE }, schema: { summary: 'SLA policy, priority matrix, escalation rules, auto-close', response: { 200: HelpDeskSettings } } }, async () =>
    deps.settings.helpDesk(),
  );
  // The body is validated by the service (schema plus calendar and matrix rules) for one clear error.
  app.put('/api/settings/help-desk', { config: { access: ADMIN }, schema: { summary: 'Replace the help-desk settings (audited)', response: { 200: HelpDeskSettings } } }, async (request) =>
    deps.settings.setHelpDesk(currentUser(request).name, request.body),
  );
}
