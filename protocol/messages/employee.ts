// What employees do on their PC (ask for help, rate a resolved ticket) and what they see there
// (their tickets and the public replies). Requests go through the agent's durable outbox, so they
// survive the server being down; the server pushes the employee ticket list to the agent.
import { Type, type Static } from 'typebox';
import { PrintableText } from './common.js';

/** The OS account that asked: tickets are shown back to the same account only. */
export const OsUserName = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[^\\u0000-\\u001f\\u007f@]*$',
  description: 'OS account name (no @)',
});

/** Multi-line text typed by a person: line breaks and tabs allowed, other control characters not. */
export const PersonText = (maxLength: number) =>
  Type.String({ maxLength, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' });

export const HelpRequest = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    osUser: OsUserName,
    subject: PrintableText(200),
    details: PersonText(10_000),
    urgency: Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent' }),
    requestedAt: Type.Number({ description: 'ms since the epoch, agent clock' }),
  },
  { additionalProperties: false },
);
export type HelpRequest = Static<typeof HelpRequest>;

export const TicketRatingMessage = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    osUser: OsUserName,
    ticketId: Type.Integer({ minimum: 1 }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: PersonText(2000),
    ratedAt: Type.Number(),
  },
  { additionalProperties: false },
);
export type TicketRatingMessage = Static<typeof TicketRatingMessage>;

export const EmployeeTicket = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    osUser: Type.String({ maxLength: 128 }),
    subject: Type.String({ maxLength: 300 }),
    status: Type.String({ maxLength: 32 }),
    createdAt: Type.Number(),
    updatedAt: Type.Number(),
    resolution: Type.Union([Type.String({ maxLength: 20_000 }), Type.Null()]),
    rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
    replies: Type.Array(
      Type.Object(
        { at: Type.Number(), author: Type.String({ maxLength: 128 }), body: Type.String({ maxLength: 20_000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type EmployeeTicket = Static<typeof EmployeeTicket>;

/** Every employee ticket of this device (newest first, bounded), replacing what the agent had. */
export const EmployeeTickets = Type.Object(
  { tickets: Type.Array(EmployeeTicket, { maxItems: 200 }) },
  { additionalProperties: false },
);
export type EmployeeTickets = Static<typeof EmployeeTickets>;

export const EmployeeBodies = { 'help.request': HelpRequest, 'ticket.rating': TicketRatingMessage } as const;
