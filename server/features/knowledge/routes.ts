// Knowledge-base API: everyone signed in reads and searches; staff write and link; admins delete.
// Bodies go out as JSON strings, exactly as stored; nothing here renders Markdown or HTML.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Ok } from '../../../protocol/api/common.js';
import {
  KbArticleIdParams,
  KbArticleRequest,
  KbArticleView,
  KbFromTicketRequest,
  KbLinkRequest,
  KbLinkView,
  KbSearchHit,
  KbSearchQuery,
} from '../../../protocol/api/knowledge.js';
import { TicketIdParams } from '../../../protocol/api/tickets.js';
import { ADMIN, ANY_ROLE, STAFF, currentUser } from '../../plugins/access.js';
import type { KnowledgeService } from './service.js';

type WithId<B = unknown> = { Params: { id: number }; Body: B };

export function knowledgeRoutes(app: FastifyInstance, deps: { knowledge: KnowledgeService }) {
  const { knowledge } = deps;

  app.get<{ Querystring: KbSearchQuery }>(
    '/api/kb',
    {
      config: { access: ANY_ROLE },
      schema: { summary: 'Search articles (best match first, with a plain-text snippet); without q, the most recently updated', querystring: KbSearchQuery, response: { 200: Type.Array(KbSearchHit) } },
    },
    async (request) => knowledge.search(request.query),
  );

  app.get<WithId>(
    '/api/kb/:id',
    { config: { access: ANY_ROLE }, schema: { summary: 'One article, its Markdown source as stored', params: KbArticleIdParams, response: { 200: KbArticleView } } },
    async (request) => knowledge.show(request.params.id),
  );

  app.post<{ Body: KbArticleRequest }>(
    '/api/kb',
    { config: { access: STAFF }, schema: { summary: 'Write an article (Markdown, stored verbatim)', body: KbArticleRequest, response: { 201: KbArticleView } } },
    async (request, reply) => reply.code(201).send(knowledge.create(currentUser(request), request.body)),
  );

  app.put<WithId<KbArticleRequest>>(
    '/api/kb/:id',
    { config: { access: STAFF }, schema: { summary: "Replace an article's title, body and category", params: KbArticleIdParams, body: KbArticleRequest, response: { 200: KbArticleView } } },
    async (request) => knowledge.update(currentUser(request), request.params.id, request.body),
  );

  app.delete<WithId>(
    '/api/kb/:id',
    { config: { access: ADMIN }, schema: { summary: 'Delete an article and its links to tickets', params: KbArticleIdParams, response: { 200: Ok } } },
    async (request) => {
      knowledge.remove(request.params.id);
      return { ok: true as const };
    },
  );

  app.get<WithId>(
    '/api/tickets/:id/kb-links',
    { config: { access: ANY_ROLE }, schema: { summary: 'Articles linked to a ticket, in the order they were linked', params: TicketIdParams, response: { 200: Type.Array(KbLinkView) } } },
    async (request) => knowledge.links(request.params.id),
  );

  app.post<WithId<KbLinkRequest>>(
    '/api/tickets/:id/kb-links',
    {
      config: { access: STAFF },
      schema: { summary: 'Link an article to a ticket (201; 200 when it was linked already)', params: TicketIdParams, body: KbLinkRequest, response: { 200: KbLinkView, 201: KbLinkView } },
    },
    async (request, reply) => {
      const { link, created } = knowledge.link(currentUser(request), request.params.id, request.body.articleId);
      return reply.code(created ? 201 : 200).send(link);
    },
  );

  app.post<WithId<KbFromTicketRequest>>(
    '/api/tickets/:id/kb-article',
    {
      config: { access: STAFF },
      // The body is optional, but fastify validates a missing one as "must be object".
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        summary: "Write an article from a resolved or closed ticket: its subject, description and resolution (409 otherwise)",
        params: TicketIdParams,
        body: KbFromTicketRequest,
        response: { 201: KbArticleView },
      },
    },
    async (request, reply) => reply.code(201).send(knowledge.fromTicket(currentUser(request), request.params.id, request.body)),
  );
}
