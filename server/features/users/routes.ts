import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { UserService } from './service.js';

export function userRoutes(app: FastifyInstance, deps: { users: UserService }) {
  const { users } = deps;
  serve(app, API.users.list, async () => users.list());
  serve(app, API.users.add, async (request) => users.add(currentUser(request), request.body));
  serve(app, API.users.resetPassword, async (request) =>
    users.resetPassword(currentUser(request).name, request.params.name),
  );
  serve(app, API.users.disable, async (request) => users.setDisabled(currentUser(request), request.params.name, true));
  serve(app, API.users.enable, async (request) => users.setDisabled(currentUser(request), request.params.name, false));
}
