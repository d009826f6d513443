// Routes HTTP upgrade requests (WebSocket) by path; anything else is answered 404 and closed.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';

type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Each route: an exact path, or a pattern for paths with parameters (/api/devices/:id/shell). */
export function routeUpgrades(app: FastifyInstance, routes: Array<{ path: string | RegExp; handler: UpgradeHandler }>): void {
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const route = routes.find((candidate) => (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)));
    if (route) return route.handler(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });
}
