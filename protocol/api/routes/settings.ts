// The help desk's settings: SLA policy, priority matrix, escalation rules, auto-close.
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE } from '../access.js';
import { HelpDeskSettings } from '../help-desk-settings.js';
import { route } from '../route.js';

export const settingsRoutes = {
  helpDesk: route({
    method: 'GET',
    path: '/api/settings/help-desk',
    summary: 'SLA policy, priority matrix, escalation rules, auto-close',
    access: ANY_ROLE,
    response: HelpDeskSettings,
    errors: [],
  }),
  setHelpDesk: route({
    method: 'PUT',
    path: '/api/settings/help-desk',
    summary: 'Replace the help-desk settings (audited)',
    access: ADMIN,
    // Checked by the server as a whole (schema, then calendar and matrix rules), so that a bad
    // value gets one clear error in one form; hence no schema here for the request stage.
    body: Type.Unknown({ description: 'the whole HelpDeskSettings, as GET answers it' }),
    response: HelpDeskSettings,
    errors: [],
  }),
};
