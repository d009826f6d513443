import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  AssignRequest,
  CreateTicketRequest,
  EscalateRequest,
  RateRequest,
  ReasonRequest,
  ResolveRequest,
  TextRequest,
  TicketDetailView,
  TicketIdParams,
  TicketListQuery,
  TicketView,
} from '../../../protocol/api/tickets.js';
import { ApiError } from '../../errors.js';
import { ANY_ROLE, STAFF, currentUser } from '../../plugins/access.js';
import type { TicketService } from './service.js';
import type { TicketStore } from './store.js';

type WithId<B = unknown> = { Params: { id: number }; Body: B };

export function ticketRoutes(app: FastifyInstance, deps: { tickets: TicketService }) {
  const { tickets } = deps;
  app.get<{ Querystring: TicketListQuery }>(
    '/api/tickets',
    { config: { access: ANY_ROLE }, schema: { summary: 'List tickets, most urgent first', querystring: TicketListQuery, response: { 200: Type.Array(TicketView) } } },
    async (request) => tickets.list(currentUser(request), request.query),
  );

  app.post<{ Body: CreateTicketRequest }>(
    '/api/tickets',
    { config: { access: STAFF }, schema: { summary: 'Open a ticket', body: CreateTicketRequest, response: { 201: TicketView } } },
    async (request, reply) => reply.code(201).send(tickets.create(currentUser(request), request.body)),
  );

  app.get<WithId>('/api/tickets/:id', { config: { access: ANY_ROLE }, schema: { summary: 'A ticket with its replies, notes, events and history', params: TicketIdParams, response: { 200: TicketDetailView } } }, async (request) =>
    tickets.show(request.params.id),
  );

  const action = <B>(path: string, summary: string, body: object | null, run: (user: ReturnType<typeof currentUser>, id: number, body: B) => unknown) =>
    app.post<WithId<B>>(
      `/api/tickets/:id/${path}`,
      { config: { access: STAFF }, schema: { summary, params: TicketIdParams, ...(body ? { body } : {}), response: { 200: TicketView } } },
      async (request) => run(currentUser(request), request.params.id, request.body as B),
    );

  action<{ body: string }>('reply', 'Public reply to the requester', TextRequest, (user, id, body) => tickets.reply(user, id, body.body));
  action<{ body: string }>('note', 'Internal note', TextRequest, (user, id, body) => tickets.note(user, id, body.body));
  action<{ assignee: string }>('assign', 'Assign to a technician', AssignRequest, (user, id, body) => tickets.assign(user, id, body.assignee));
  action('start', 'Start work (in progress)', null, (user, id) => tickets.start(user, id));
  action<{ reason?: string } | undefined>('pending', 'Wait for someone else (SLA clock paused)', Type.Optional(ReasonRequest), (user, id, body) => tickets.pending(user, id, body?.reason));
  action<{ resolution: string }>('resolve', 'Resolve, with the resolution', ResolveRequest, (user, id, body) => tickets.resolve(user, id, body.resolution));
  action('close', 'Close a resolved ticket', null, (user, id) => tickets.close(user, id));
  action<{ reason?: string } | undefined>('reopen', 'Reopen a resolved ticket', Type.Optional(ReasonRequest), (user, id, body) => {
    if (!body?.reason) throw new ApiError('validation_failed', 'reopening needs a reason');
    return tickets.reopen(user, id, body.reason);
  });
  action<{ note: string; raisePriority?: boolean; assignee?: string }>('escalate', 'Escalate to the next support line (a note is required)', EscalateRequest, (user, id, body) => tickets.escalate(user, id, body));
}

/** The requester's rating of a resolved ticket (employees rate from their PC, through the agent). */
export function ticketRatingRoutes(app: FastifyInstance, deps: { tickets: TicketService; store: TicketStore }) {
  app.post<WithId<RateRequest>>(
    '/api/tickets/:id/rating',
    { config: { access: ANY_ROLE }, schema: { summary: 'Rate a resolved ticket you asked for (1–5, with a comment)', params: TicketIdParams, body: RateRequest, response: { 200: TicketDetailView } } },
    async (request) => {
      const user = currentUser(request);
      const row = deps.store.byId(request.params.id);
      if (!row) throw new ApiError('not_found', `no ticket #${request.params.id}`);
      if (row.requesterKind !== 'user' || row.requesterUserId !== user.id) throw new ApiError('forbidden', `only the requester of ticket #${row.id} can rate it`);
      deps.tickets.rate(row.id, user.name, request.body.rating, request.body.comment?.trim() ?? '');
      return deps.tickets.show(row.id);
    },
  );
}
