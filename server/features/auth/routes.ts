import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import { iso } from '../../time.js';
import type { UserService } from '../users/service.js';
import type { AuthService } from './service.js';

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; users: UserService }) {
  serve(app, API.auth.login, async (request) => {
    const result = await deps.auth.login(request.body.user, request.body.password, request.ip);
    return { token: result.token, expiresAt: iso(result.expiresAt), user: deps.users.view(result.user) };
  });
  serve(app, API.auth.logout, async (request) => {
    deps.auth.logout(currentUser(request));
    return { ok: true as const };
  });
  serve(app, API.auth.changePassword, async (request) => {
    await deps.auth.changePassword(currentUser(request), request.body.currentPassword, request.body.newPassword);
    return { ok: true as const };
  });
  serve(app, API.auth.me, async (request) => deps.users.viewOf(currentUser(request)));
}
