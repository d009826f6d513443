// Role checks for every route. Each /api route must declare `config.access`: 'public' or the
// list of roles allowed. A route that forgets is refused at start-up (fail closed), so no route
// can ship unprotected by accident.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ADMIN, ANY_ROLE, STAFF, type Access } from '../../protocol/api/access.js';
import { ApiError } from '../errors.js';
import type { AuthService, AuthUser } from '../features/auth/service.js';

export { ADMIN, ANY_ROLE, STAFF, type Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export function registerAccessControl(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access; add config.access`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const user = authenticateRequest(request, auth);
    if (!user) throw new ApiError('unauthorized', 'sign in first: send "Authorization: Bearer <token>" (helpline login)');
    if (!access.includes(user.role)) {
      throw new ApiError('forbidden', `this needs the role ${access.join(' or ')}; you are ${user.role}`);
    }
    request.user = user;
  });
}

export function authenticateRequest(request: FastifyRequest, auth: AuthService): AuthUser | null {
  const header = request.headers.authorization;
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? auth.authenticate(match[1]!) : null;
}

/** The signed-in user of a route that requires a role (set by the onRequest hook). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new ApiError('unauthorized', 'sign in first');
  return request.user;
}
