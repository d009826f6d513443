// The knowledge base: everyone signed in reads and searches; staff write and link; admins delete.
// Bodies travel as JSON strings, exactly as stored; nothing renders Markdown or HTML.
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE, STAFF } from '../access.js';
import { Ok } from '../common.js';
import {
  KbArticleIdParams,
  KbArticleRequest,
  KbArticleView,
  KbFromTicketRequest,
  KbLinkRequest,
  KbLinkView,
  KbSearchHit,
  KbSearchQuery,
} from '../knowledge.js';
import { TicketIdParams } from '../tickets.js';
import { route } from '../route.js';

export const knowledgeRoutes = {
  search: route({
    method: 'GET',
    path: '/api/kb',
    summary: 'Search articles (best match first, with a plain-text snippet); without q, the most recently updated',
    access: ANY_ROLE,
    query: KbSearchQuery,
    response: Type.Array(KbSearchHit),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/kb/:id',
    summary: 'One article, its Markdown source as stored',
    access: ANY_ROLE,
    params: KbArticleIdParams,
    response: KbArticleView,
    errors: ['not_found'],
  }),
  create: route({
    method: 'POST',
    path: '/api/kb',
    summary: 'Write an article (Markdown, stored verbatim)',
    access: STAFF,
    body: KbArticleRequest,
    response: KbArticleView,
    status: 201,
    errors: ['payload_too_large'],
  }),
  update: route({
    method: 'PUT',
    path: '/api/kb/:id',
    summary: "Replace an article's title, body and category",
    access: STAFF,
    params: KbArticleIdParams,
    body: KbArticleRequest,
    response: KbArticleView,
    errors: ['not_found', 'payload_too_large'],
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/kb/:id',
    summary: 'Delete an article and its links to tickets',
    access: ADMIN,
    params: KbArticleIdParams,
    response: Ok,
    errors: ['not_found'],
  }),
  links: route({
    method: 'GET',
    path: '/api/tickets/:id/kb-links',
    summary: 'Articles linked to a ticket, in the order they were linked',
    access: ANY_ROLE,
    params: TicketIdParams,
    response: Type.Array(KbLinkView),
    errors: ['not_found'],
  }),
  link: route({
    method: 'POST',
    path: '/api/tickets/:id/kb-links',
    summary: 'Link an article to a ticket (201; 200 when it was linked already)',
    access: STAFF,
    params: TicketIdParams,
    body: KbLinkRequest,
    response: KbLinkView,
    status: 201,
    alsoStatus: 200,
    errors: ['not_found'],
  }),
  fromTicket: route({
    method: 'POST',
    path: '/api/tickets/:id/kb-article',
    summary:
      'Write an article from a resolved or closed ticket: its subject, description and resolution (409 otherwise)',
    access: STAFF,
    params: TicketIdParams,
    body: KbFromTicketRequest,
    response: KbArticleView,
    status: 201,
    errors: ['not_found', 'invalid_state', 'conflict', 'payload_too_large'],
  }),
};
