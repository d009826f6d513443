// Notifications: the ticket event the ticket service hands to the notifier, and the HTTP API for
// subscriptions, the caller's e-mail address and the delivery queue.
import { Type, type Static } from 'typebox';
import { Name, SupportLine } from './common.js';

export const TICKET_EVENT_KINDS = [
  'ticket.created',
  'ticket.assigned',
  'ticket.escalated',
  'sla.warning',
  'sla.breach',
  'ticket.resolved',
] as const;
export const TicketEventKind = Type.Union([
  Type.Literal('ticket.created'),
  Type.Literal('ticket.assigned'),
  Type.Literal('ticket.escalated'),
  Type.Literal('sla.warning'),
  Type.Literal('sla.breach'),
  Type.Literal('ticket.resolved'),
]);
export type TicketEventKind = Static<typeof TicketEventKind>;

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** What happened to a ticket; the notifier copies it into every delivery it queues. */
export const TicketEvent = Type.Object({
  kind: TicketEventKind,
  /** When it happened, ms since the epoch. */
  at: Type.Integer({ minimum: 0 }),
  /** User name of who did it, or "system" for SLA timers. */
  actor: Type.String(),
  detail: NullableString,
  ticket: Type.Object({
    id: Type.Integer({ minimum: 1 }),
    subject: Type.String(),
    /** 1 is the most urgent. */
    priority: Type.Integer({ minimum: 1, maximum: 5 }),
    line: SupportLine,
    status: Type.String(),
    assignee: NullableString,
    requester: Type.String(),
    deviceId: NullableString,
    deviceName: NullableString,
    deviceGroup: NullableString,
  }),
});
export type TicketEvent = Static<typeof TicketEvent>;

export const NotificationChannel = Type.Union([Type.Literal('email'), Type.Literal('webhook')]);
export type NotificationChannel = Static<typeof NotificationChannel>;

/** One address, no display name and no list: nothing that could add a second recipient or a header. */
export const EmailAddress = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: '^[^\\s@<>()\\[\\]",;:\\\\]+@[^\\s@<>()\\[\\]",;:\\\\]+\\.[^\\s@<>()\\[\\]",;:\\\\]+$',
});
export const WebhookUrl = Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://[^\\s]+$' });

const Kinds = Type.Array(TicketEventKind, { minItems: 1, maxItems: TICKET_EVENT_KINDS.length, uniqueItems: true });
/** Filters shared by every subscription: which events, and optionally which device group and support line. */
const Filters = {
  kinds: Kinds,
  /** Only tickets about a device in this group. */
  deviceGroup: Type.Optional(Name),
  /** Only tickets on this support line. */
  line: Type.Optional(SupportLine),
  /** Only tickets assigned to the subscriber (personal subscriptions only). */
  assignedOnly: Type.Optional(Type.Boolean()),
};

/** A technician subscribes themselves: by e-mail, to the address set with PUT /api/me/email. */
export const CreateOwnSubscriptionRequest = Type.Object(Filters, { additionalProperties: false });
export type CreateOwnSubscriptionRequest = Static<typeof CreateOwnSubscriptionRequest>;

/** An admin subscribes anyone, or a team address / webhook (no `user`: `target` is required). */
export const CreateSubscriptionRequest = Type.Object(
  {
    ...Filters,
    user: Type.Optional(Name),
    channel: NotificationChannel,
    /** An e-mail address or an http(s) URL; for a user's e-mail subscription, omit it to use their address. */
    target: Type.Optional(Type.Union([EmailAddress, WebhookUrl])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateSubscriptionRequest = Static<typeof CreateSubscriptionRequest>;

export const UpdateSubscriptionRequest = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type UpdateSubscriptionRequest = Static<typeof UpdateSubscriptionRequest>;

export const SubscriptionIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const SubscriptionView = Type.Object({
  id: Type.Integer(),
  /** The subscriber, or null for a team subscription. */
  user: NullableString,
  kinds: Type.Array(TicketEventKind),
  deviceGroup: NullableString,
  line: Type.Union([SupportLine, Type.Null()]),
  assignedOnly: Type.Boolean(),
  channel: NotificationChannel,
  /** Null: the subscriber's own e-mail address at the time of each event. */
  target: NullableString,
  enabled: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SubscriptionView = Static<typeof SubscriptionView>;

export const MyEmail = Type.Object({ email: Type.Union([EmailAddress, Type.Null()]) }, { additionalProperties: false });
export type MyEmail = Static<typeof MyEmail>;

export const DeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]);
export type DeliveryStatus = Static<typeof DeliveryStatus>;

export const DeliveryQuery = Type.Object(
  { status: Type.Optional(DeliveryStatus), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;

export const DeliveryView = Type.Object({
  id: Type.Integer(),
  subscriptionId: Type.Union([Type.Integer(), Type.Null()]),
  channel: NotificationChannel,
  target: Type.String(),
  kind: TicketEventKind,
  ticketId: Type.Integer(),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Type.String({ format: 'date-time' }),
  lastError: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type DeliveryView = Static<typeof DeliveryView>;

/** What "send test" did: the message went out now (ok), or the channel's error in words. */
export const TestDeliveryResult = Type.Object({
  ok: Type.Boolean(),
  channel: NotificationChannel,
  /** Where it was sent: the subscription's target, or the subscriber's address at this moment. */
  target: NullableString,
  error: NullableString,
});
export type TestDeliveryResult = Static<typeof TestDeliveryResult>;
