// The server serves exactly the route table: a route of the table without a handler stops the
// start, and so does an /api route registered by hand instead of from the table.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { assertEveryRouteServed, registerRouteTable, serve } from '../../server/plugins/routes.js';

describe('the server and the route table', () => {
  it('refuses an /api route that is not in the table, and names it', () => {
    const app = Fastify();
    registerRouteTable(app);
    expect(() => app.get('/api/made-up', async () => ({ ok: true }))).toThrow(
      /route GET \/api\/made-up is not in the route table/,
    );
  });

  it('accepts a route served from the table, and still lets other paths be', () => {
    const app = Fastify();
    registerRouteTable(app);
    serve(app, API.health.liveness, async () => ({
      status: 'ok' as const,
      version: 'test',
      uptimeSeconds: 0,
      agentsOnline: 0,
    }));
    expect(() => app.get('/agent', async () => 'not the API')).not.toThrow();
    expect(app.servedRoutes.has('GET /api/health')).toBe(true);
  });

  it('stops the start when a route of the table has no handler, and lists the missing ones', () => {
    const app = Fastify();
    registerRouteTable(app);
    serve(app, API.health.liveness, async () => ({
      status: 'ok' as const,
      version: 'test',
      uptimeSeconds: 0,
      agentsOnline: 0,
    }));
    expect(() => assertEveryRouteServed(app)).toThrow(/routes in the table with no handler: .*GET \/api\/devices/);
  });
});
