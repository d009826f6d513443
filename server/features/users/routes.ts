import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CreateUserRequest, CreateUserResponse, ResetPasswordResponse, UserView } from '../../../protocol/api/auth.js';
import { Name } from '../../../protocol/api/common.js';
import { ADMIN, currentUser } from '../../plugins/access.js';
import type { UserService } from './service.js';

const NameParams = Type.Object({ name: Name }, { additionalProperties: false });

export function userRoutes(app: FastifyInstance, deps: { users: UserService }) {
  app.get('/api/users', { config: { access: ADMIN }, schema: { summary: 'List users', response: { 200: Type.Array(UserView) } } }, async () => deps.users.list());

  app.post<{ Body: CreateUserRequest }>(
    '/api/users',
    { config: { access: ADMIN }, schema: { summary: 'Add a user', body: CreateUserRequest, response: { 201: CreateUserResponse } } },
    async (request, reply) => reply.code(201).send(await deps.users.add(currentUser(request), request.body)),
  );

  app.post<{ Params: { name: string } }>(
    '/api/users/:name/reset-password',
    { config: { access: ADMIN }, schema: { summary: "Set a generated password and sign out the user's logins", params: NameParams, response: { 200: ResetPasswordResponse } } },
    async (request) => deps.users.resetPassword(currentUser(request).name, request.params.name),
  );

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post<{ Params: { name: string } }>(
      `/api/users/:name/${action}`,
      { config: { access: ADMIN }, schema: { summary: `${action} a user`, params: NameParams, response: { 200: UserView } } },
      async (request) => deps.users.setDisabled(currentUser(request), request.params.name, disabled),
    );
  }
}
