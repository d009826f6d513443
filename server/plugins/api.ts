// What every route of the HTTP API shares: the route table (the server refuses to start while a
// route of it has no handler), validation, one error format, the OpenAPI document, and the
// WebSocket endpoints by path.
import { HELPLINE_VERSION } from '../../protocol/version.js';
import { sharedPlugin } from './assembly.js';
import { treatMissingBodyAsEmpty } from './empty-body.js';
import { registerErrorHandler } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { assertEveryRouteServed, registerRouteTable } from './routes.js';
import { routeUpgrades } from './upgrades.js';
import { registerValidators } from './validators.js';

export const httpApiPlugin = sharedPlugin('http-api', (app) => {
  registerRouteTable(app);
  registerValidators(app);
  registerErrorHandler(app);
  treatMissingBodyAsEmpty(app);
  registerOpenApi(app, { version: HELPLINE_VERSION });
  app.addHook('onReady', async () => assertEveryRouteServed(app));
  return { upgrades: routeUpgrades(app) };
});
