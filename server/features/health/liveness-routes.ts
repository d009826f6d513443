import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  uptimeSeconds: Type.Integer(),
  agentsOnline: Type.Integer(),
});

export function healthRoutes(app: FastifyInstance, deps: { version: string; agentsOnline: () => number }) {
  app.get('/api/health', { config: { access: 'public' }, schema: { summary: 'Liveness', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    version: deps.version,
    uptimeSeconds: Math.round(process.uptime()),
    agentsOnline: deps.agentsOnline(),
  }));
}
