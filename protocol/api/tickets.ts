// Tickets as the API accepts and serves them.
import { TicketSnapshot } from './snapshot.js';
import { Type, type Static } from 'typebox';
import { PrintableText } from '../messages/common.js';
import { Name } from './common.js';
import { TicketSlaView } from './sla.js';

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TicketStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('assigned'),
  Type.Literal('in_progress'),
  Type.Literal('pending'),
  Type.Literal('resolved'),
  Type.Literal('closed'),
]);
/** How a request reached the help desk, kept on the ticket and counted in the KPI report. */
export const TicketChannelSchema = Type.Union([
  Type.Literal('phone'),
  Type.Literal('email'),
  Type.Literal('chat'),
  Type.Literal('portal'),
  Type.Literal('in_person'),
]);
export type TicketChannel = Static<typeof TicketChannelSchema>;
export const TICKET_CHANNELS: readonly TicketChannel[] = ['phone', 'email', 'chat', 'portal', 'in_person'];

/** Where a ticket came from: an employee's tray request, a fault, a technician, or the API. */
export const TicketSourceSchema = Type.Union([
  Type.Literal('employee'),
  Type.Literal('fault'),
  Type.Literal('technician'),
  Type.Literal('api'),
]);
export type TicketSource = Static<typeof TicketSourceSchema>;
export const TICKET_SOURCES: readonly TicketSource[] = ['employee', 'fault', 'technician', 'api'];

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];

const Level = Type.Integer({ minimum: 1, maximum: 5 });
const Line = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
const Body = Type.String({ minLength: 1, maxLength: 20_000 });
const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);

export const CreateTicketRequest = Type.Object(
  {
    subject: Type.Intersect([PrintableText(200), Type.String({ minLength: 1 })]),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    deviceId: Type.Optional(Type.String({ pattern: '^dev_[a-z0-9]{10,32}$' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9 _./-]*$' })),
    impact: Type.Optional(Level),
    urgency: Type.Optional(Level),
    line: Type.Optional(Line),
    /** How the request came in (phone, chat, in person…); kept on the ticket and counted in the KPI report. */
    channel: Type.Optional(TicketChannelSchema),
    /** The employee who asked, when a technician records a request for them; otherwise the technician. */
    requester: Type.Optional(Type.Intersect([PrintableText(200), Type.String({ minLength: 1 })])),
  },
  { additionalProperties: false },
);
export type CreateTicketRequest = Static<typeof CreateTicketRequest>;

export const TicketView = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  description: Type.String(),
  requester: Type.Object({ kind: Type.String(), name: Type.String() }),
  deviceId: Type.Union([Type.String(), Type.Null()]),
  deviceName: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  source: Type.String(),
  /** How the request reached the help desk; null for faults and when nobody recorded it. */
  channel: Type.Union([Type.String(), Type.Null()]),
  impact: Type.Integer(),
  urgency: Type.Integer(),
  priority: Type.Integer(),
  line: Type.Integer(),
  assignee: Type.Union([Type.String(), Type.Null()]),
  status: TicketStatusSchema,
  resolution: Type.Union([Type.String(), Type.Null()]),
  createdAt: Iso,
  updatedAt: Iso,
  firstResponseAt: NullableIso,
  resolvedAt: NullableIso,
  closedAt: NullableIso,
  /** Deadlines, time left and state of the first-response and resolution clocks. */
  sla: TicketSlaView,
});
export type TicketView = Static<typeof TicketView>;

export const TicketEntryView = Type.Object({
  at: Iso,
  author: Type.String(),
  kind: Type.Union([Type.Literal('reply'), Type.Literal('note'), Type.Literal('event')]),
  body: Type.String(),
});
export const TicketHistoryView = Type.Object({
  at: Iso,
  actor: Type.String(),
  field: Type.String(),
  oldValue: Type.Union([Type.String(), Type.Null()]),
  newValue: Type.Union([Type.String(), Type.Null()]),
});
export const TicketRatingView = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.String(),
  at: Iso,
});
export type TicketRatingView = Static<typeof TicketRatingView>;
export const RateRequest = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type RateRequest = Static<typeof RateRequest>;

export const TicketDetailView = Type.Object({
  ticket: TicketView,
  entries: Type.Array(TicketEntryView),
  history: Type.Array(TicketHistoryView),
  /** The PC as it was when the ticket was opened (fault and employee tickets). */
  snapshot: Type.Union([TicketSnapshot, Type.Null()]),
  /** Fault keys still raised on a fault ticket (e.g. "disk:/" and "disk:/home"). */
  activeFaults: Type.Array(Type.String()),
  rating: Type.Union([TicketRatingView, Type.Null()]),
});
export type TicketDetailView = Static<typeof TicketDetailView>;

export const TicketListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean()),
    line: Type.Optional(Line),
    status: Type.Optional(TicketStatusSchema),
    deviceId: Type.Optional(Type.String({ maxLength: 64 })),
    /** Only tickets with a breached SLA clock. */
    breached: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type TicketListQuery = Static<typeof TicketListQuery>;

/** A technician's change of impact, urgency (the priority follows) or category; at least one. */
export const ClassifyRequest = Type.Object(
  {
    impact: Type.Optional(Level),
    urgency: Type.Optional(Level),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9 _./-]*$' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClassifyRequest = Static<typeof ClassifyRequest>;

/** Someone a ticket can be given to: an active admin or technician, with their support line. */
export const AssigneeView = Type.Object({
  name: Type.String(),
  role: Type.String(),
  line: Type.Union([Type.Integer(), Type.Null()]),
});
export type AssigneeView = Static<typeof AssigneeView>;

/** An employee a request can be taken for: signed in on a PC now (the ticket goes to that PC). */
export const RequesterView = Type.Object({
  /** As the ticket names them ("anna@reception-pc"), so the employee sees it in the PC's tray. */
  name: Type.String(),
  user: Type.String(),
  deviceId: Type.String(),
  deviceName: Type.String(),
});
export type RequesterView = Static<typeof RequesterView>;

export const TicketIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const TextRequest = Type.Object({ body: Body }, { additionalProperties: false });
export const AssignRequest = Type.Object({ assignee: Name }, { additionalProperties: false });
export const ResolveRequest = Type.Object({ resolution: Body }, { additionalProperties: false });
export const ReasonRequest = Type.Object({ reason: Type.Optional(Body) }, { additionalProperties: false });
export const EscalateRequest = Type.Object(
  { note: Body, raisePriority: Type.Optional(Type.Boolean()), assignee: Type.Optional(Name) },
  { additionalProperties: false },
);
