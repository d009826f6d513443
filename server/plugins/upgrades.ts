// Routes HTTP upgrade requests (WebSocket) by path; anything else is answered 404 and closed.
// Plugins add their endpoint (the agent channel, remote shells) while the server is built.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeRoutes {
  /** An exact path, or a pattern for paths with parameters (/api/devices/:id/shell). */
  add(path: string | RegExp, handler: UpgradeHandler): void;
}

export function routeUpgrades(app: FastifyInstance): UpgradeRoutes {
  const routes: Array<{ path: string | RegExp; handler: UpgradeHandler }> = [];
  const matches = (path: string) => (candidate: { path: string | RegExp }) =>
    typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path);
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const route = routes.find(matches((request.url ?? '').split('?')[0] ?? ''));
    if (route) return route.handler(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });
  return { add: (path, handler) => void routes.push({ path, handler }) };
}
