// Ticket API: the queue, one ticket, every step of the workflow, and the requester's rating.
// Paths, schemas and roles come from the route table (protocol/api/routes/tickets.ts).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { ApiError } from '../../errors.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { RequesterView } from '../../../protocol/api/tickets.js';
import type { TicketService } from './service.js';
import type { TicketQueue } from './queue.js';

export function ticketRoutes(
  app: FastifyInstance,
  deps: { tickets: TicketService; queue: TicketQueue; requesters: () => RequesterView[] },
) {
  const { tickets } = deps;
  const routes = API.tickets;
  serve(app, routes.queue, async (request) => deps.queue(currentUser(request), request.query));
  serve(app, routes.list, async (request) => tickets.list(currentUser(request), request.query));
  serve(app, routes.create, async (request) => tickets.create(currentUser(request), request.body));
  serve(app, routes.show, async (request) => tickets.show(request.params.id));

  serve(app, routes.classify, async (request) =>
    tickets.classify(currentUser(request), request.params.id, request.body),
  );
  serve(app, routes.assignees, async () => tickets.assignees());
  serve(app, routes.requesters, async () => deps.requesters());
  serve(app, routes.reply, async (request) =>
    tickets.reply(currentUser(request), request.params.id, request.body.body),
  );
  serve(app, routes.note, async (request) => tickets.note(currentUser(request), request.params.id, request.body.body));
  serve(app, routes.assign, async (request) =>
    tickets.assign(currentUser(request), request.params.id, request.body.assignee),
  );
  serve(app, routes.start, async (request) => tickets.start(currentUser(request), request.params.id));
  serve(app, routes.pending, async (request) =>
    tickets.pending(currentUser(request), request.params.id, request.body.reason),
  );
  serve(app, routes.resolve, async (request) =>
    tickets.resolve(currentUser(request), request.params.id, request.body.resolution),
  );
  serve(app, routes.close, async (request) => tickets.close(currentUser(request), request.params.id));
  serve(app, routes.reopen, async (request) => {
    // The schema shares pending's optional reason; reopening is the one that demands it.
    if (!request.body.reason) throw new ApiError('validation_failed', 'reopening needs a reason');
    return tickets.reopen(currentUser(request), request.params.id, request.body.reason);
  });
  serve(app, routes.escalate, async (request) =>
    tickets.escalate(currentUser(request), request.params.id, request.body),
  );
}

/** The requester's rating of a resolved ticket (employees rate from their PC, through the agent). */
export function ticketRatingRoutes(app: FastifyInstance, deps: { tickets: TicketService }) {
  serve(app, API.tickets.rate, async (request) => {
    deps.tickets.rateAsRequester(currentUser(request), request.params.id, request.body);
    return deps.tickets.show(request.params.id);
  });
}
