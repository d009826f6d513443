// Knowledge-base API: everyone signed in reads and searches; staff write and link; admins delete.
// Bodies go out as JSON strings, exactly as stored; nothing here renders Markdown or HTML.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { KnowledgeService } from './service.js';

export function knowledgeRoutes(app: FastifyInstance, deps: { knowledge: KnowledgeService }) {
  const { knowledge } = deps;
  const routes = API.knowledge;

  serve(app, routes.search, async (request) => knowledge.search(request.query));
  serve(app, routes.show, async (request) => knowledge.show(request.params.id));
  serve(app, routes.create, async (request) => knowledge.create(currentUser(request), request.body));
  serve(app, routes.update, async (request) => knowledge.update(currentUser(request), request.params.id, request.body));
  serve(app, routes.remove, async (request) => {
    knowledge.remove(request.params.id);
    return { ok: true as const };
  });

  serve(app, routes.links, async (request) => knowledge.links(request.params.id));
  serve(app, routes.link, async (request, reply) => {
    const { link, created } = knowledge.link(currentUser(request), request.params.id, request.body.articleId);
    if (!created) void reply.code(200);
    return link;
  });
  // A request without a body reaches here as {} (see plugins/empty-body.ts): every field is optional.
  serve(app, routes.fromTicket, async (request) =>
    knowledge.fromTicket(currentUser(request), request.params.id, request.body),
  );
}
