// Serves GET /api/openapi.json, made from the route table: the API documentation lists exactly
// the routes the server serves, with the schemas it validates with and the errors it may answer.
import type { FastifyInstance } from 'fastify';
import { API, allRoutes } from '../../protocol/api/routes/index.js';
import { openApiDocument } from './openapi-document.js';
import { serve } from './routes.js';

export function registerOpenApi(app: FastifyInstance, info: { version: string }): void {
  // The table is fixed at start, so the document is made once, on first request.
  let document: ReturnType<typeof openApiDocument> | null = null;
  serve(app, API.meta.openapi, async () => (document ??= openApiDocument(allRoutes(), info.version)));
}
