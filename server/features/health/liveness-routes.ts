import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { serve } from '../../plugins/routes.js';

export function healthRoutes(app: FastifyInstance, deps: { version: string; agentsOnline: () => number }) {
  serve(app, API.health.liveness, async () => ({
    status: 'ok' as const,
    version: deps.version,
    uptimeSeconds: Math.round(process.uptime()),
    agentsOnline: deps.agentsOnline(),
  }));
}
