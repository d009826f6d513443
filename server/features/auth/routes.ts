import type { FastifyInstance } from 'fastify';
import { ChangePasswordRequest, LoginRequest, LoginResponse, UserView } from '../../../protocol/api/auth.js';
import { Ok } from '../../../protocol/api/common.js';
import { ANY_ROLE, currentUser } from '../../plugins/access.js';
import type { UserService } from '../users/service.js';
import type { AuthService } from './service.js';

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; users: UserService }) {
  app.post<{ Body: { user: string; password: string } }>(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { summary: 'Sign in; returns an API token', body: LoginRequest, response: { 200: LoginResponse } } },
    async (request) => {
      const result = await deps.auth.login(request.body.user, request.body.password, request.ip);
      return { token: result.token, expiresAt: new Date(result.expiresAt).toISOString(), user: deps.users.view(result.user) };
    },
  );

  app.post('/api/auth/logout', { config: { access: ANY_ROLE }, schema: { summary: 'Revoke the token used for this request', response: { 200: Ok } } }, async (request) => {
    deps.auth.logout(currentUser(request));
    return { ok: true as const };
  });

  app.post<{ Body: ChangePasswordRequest }>(
    '/api/auth/password',
    { config: { access: ANY_ROLE }, schema: { summary: 'Change your own password; signs out your other logins', body: ChangePasswordRequest, response: { 200: Ok } } },
    async (request) => {
      await deps.auth.changePassword(currentUser(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { config: { access: ANY_ROLE }, schema: { summary: 'The signed-in user', response: { 200: UserView } } }, async (request) =>
    deps.users.view(deps.users.byName(currentUser(request).name)),
  );
}
