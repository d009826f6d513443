// The ticket queue a support line works from: named views (mine, my line, unassigned, at risk,
// pending, all), filters, sorting and paging, with the count of every view for the same filters.
import { Type, type Static } from 'typebox';
import { TicketChannelSchema, TicketSourceSchema, TicketStatusSchema, TicketView } from './tickets.js';

export const TicketQueueViewSchema = Type.Union([
  Type.Literal('mine'),
  Type.Literal('line'),
  Type.Literal('unassigned'),
  Type.Literal('at_risk'),
  Type.Literal('pending'),
  Type.Literal('all'),
]);
export type TicketQueueViewName = Static<typeof TicketQueueViewSchema>;
/** The views in the order the queue shows them. */
export const TICKET_VIEWS: readonly TicketQueueViewName[] = ['mine', 'line', 'unassigned', 'at_risk', 'pending', 'all'];

/** Columns the queue sorts by; `due` is the nearest running SLA deadline. */
export const TicketSortSchema = Type.Union([
  Type.Literal('priority'),
  Type.Literal('id'),
  Type.Literal('subject'),
  Type.Literal('status'),
  Type.Literal('requester'),
  Type.Literal('assignee'),
  Type.Literal('created'),
  Type.Literal('updated'),
  Type.Literal('due'),
]);
export type TicketSort = Static<typeof TicketSortSchema>;
export const TICKET_SORTS: readonly TicketSort[] = [
  'priority',
  'id',
  'subject',
  'status',
  'requester',
  'assignee',
  'created',
  'updated',
  'due',
];

export const TicketQueueQuery = Type.Object(
  {
    view: Type.Optional(TicketQueueViewSchema),
    status: Type.Optional(TicketStatusSchema),
    line: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    source: Type.Optional(TicketSourceSchema),
    channel: Type.Optional(TicketChannelSchema),
    /** Device group of the ticket's PC. */
    group: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Part of the requester's name. */
    requester: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Words of the subject, description, requester or PC name, or a ticket number ("#12"). */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sort: Type.Optional(TicketSortSchema),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type TicketQueueQuery = Static<typeof TicketQueueQuery>;

export const TicketViewCounts = Type.Object({
  mine: Type.Integer(),
  line: Type.Integer(),
  unassigned: Type.Integer(),
  at_risk: Type.Integer(),
  pending: Type.Integer(),
  all: Type.Integer(),
});
export type TicketViewCounts = Static<typeof TicketViewCounts>;

export const TicketQueueResponse = Type.Object({
  tickets: Type.Array(TicketView),
  /** Tickets in the chosen view with these filters (the page shows `limit` of them from `offset`). */
  total: Type.Integer(),
  counts: TicketViewCounts,
});
export type TicketQueueResponse = Static<typeof TicketQueueResponse>;
