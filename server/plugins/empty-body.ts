// A POST without a body reaches validation as `undefined`, which an object schema refuses with
// "body must be object" even when every field is optional. Treat no body as an empty object: a
// route with required fields then names the missing one, which is the clearer error anyway.
import type { FastifyInstance } from 'fastify';

export function treatMissingBodyAsEmpty(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {};
  });
}
