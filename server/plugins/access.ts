// Role checks for every route. Each /api route must declare `config.access`: 'public' or the
// list of roles allowed. A route that forgets is refused at start-up (fail closed), so no route
// can ship unprotected by accident. A request signs in with a bearer token (CLI, scripts) or with
// the web console's session cookie, which also has to show it comes from the console's own pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ADMIN, ANY_ROLE, STAFF, type Access } from '../../protocol/api/access.js';
import type { Role } from '../../protocol/api/common.js';
import { ApiError } from '../errors.js';
import type { AuthService, AuthUser } from '../features/auth/service.js';
import type { BrowserSessions, RequestLike } from '../features/session/browser-sessions.js';

export { ADMIN, ANY_ROLE, STAFF, type Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/** The refusal of a request that needs a signed-in user and has none (routes and sockets alike). */
export const SIGN_IN_FIRST = 'sign in first: send "Authorization: Bearer <token>" (helpline login)';

/** Whether a route or socket declared with `access` lets a user of `role` in. */
export function allows(access: Access, role: Role): boolean {
  return access === 'public' || access.includes(role);
}

/** Without `sessions` only bearer tokens sign in (an app that serves no web console). */
export function registerAccessControl(
  app: FastifyInstance,
  auth: AuthService,
  sessions: BrowserSessions | null = null,
): void {
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`route ${String(route.method)} ${route.url} declares no access; add config.access`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const user = authenticateRequest(request, auth, sessions);
    if (!user) throw new ApiError('unauthorized', SIGN_IN_FIRST);
    if (!allows(access, user.role)) {
      throw new ApiError('forbidden', `this needs the role ${access.join(' or ')}; you are ${user.role}`);
    }
    request.user = user;
  });
}

/**
 * The user a request (an HTTP request or a WebSocket upgrade) signs in as, or null. A bearer token
 * wins when one is sent; otherwise the session cookie, which throws `forbidden` for a request
 * that changes something or upgrades without coming from this server's own pages.
 */
export function authenticateRequest(
  request: RequestLike,
  auth: AuthService,
  sessions: BrowserSessions | null,
): AuthUser | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? auth.authenticate(match[1]!) : null;
  }
  if (sessions === null) return null;
  const token = sessions.tokenOf(request);
  if (token === null) return null;
  const user = auth.authenticate(token);
  if (user) sessions.assertFromConsole(request, token);
  return user;
}

/** The signed-in user of a route that requires a role (set by the onRequest hook). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new ApiError('unauthorized', 'sign in first');
  return request.user;
}
