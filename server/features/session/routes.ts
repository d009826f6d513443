// The web console's sign-in, current session and sign-out (group `session` of the route table).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { SessionService } from './service.js';

export function sessionRoutes(app: FastifyInstance, deps: { session: SessionService }) {
  serve(app, API.session.signIn, async (request, reply) => {
    const { view, setCookie } = await deps.session.signIn(
      request,
      request.body.user,
      request.body.password,
      request.ip,
    );
    void reply.header('set-cookie', setCookie).header('cache-control', 'no-store');
    return view;
  });

  serve(app, API.session.current, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return deps.session.current(request, currentUser(request));
  });

  serve(app, API.session.signOut, async (request, reply) => {
    void reply.header('set-cookie', deps.session.signOut(request, currentUser(request)));
    return { ok: true as const };
  });
}
