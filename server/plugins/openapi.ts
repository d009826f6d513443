// Serves GET /api/openapi.json, built from the same TypeBox schemas the routes validate with,
// so the API documentation cannot drift from what the server accepts.
import type { FastifyInstance, FastifySchema } from 'fastify';

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the API documentation. */
    summary?: string;
  }
}

interface CollectedRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  access: unknown;
}

export function registerOpenApi(app: FastifyInstance, info: { version: string }): void {
  const routes: CollectedRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    for (const method of [route.method].flat()) {
      routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema, access: route.config?.access });
    }
  });

  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const schema = (route.schema ?? {}) as Record<string, unknown>;
      const parameters = Object.keys(((schema.params as { properties?: object })?.properties) ?? {}).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      paths[path] ??= {};
      paths[path]![route.method] = {
        summary: schema.summary,
        'x-access': route.access,
        parameters,
        requestBody: schema.body ? { content: { 'application/json': { schema: schema.body } } } : undefined,
        responses: Object.fromEntries(
          Object.entries((schema.response as Record<string, unknown>) ?? {}).map(([status, body]) => [
            status,
            { description: status, content: { 'application/json': { schema: body } } },
          ]),
        ),
      };
    }
    return { openapi: '3.1.0', info: { title: 'Helpline API', version: info.version }, paths };
  });
}
