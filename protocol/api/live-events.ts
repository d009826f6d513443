// The live event stream's contract: what one browser tab hears without asking (issue 12). Each
// event is one Server-Sent Events frame, `event: <type>` and `data: <JSON of the event>`, so a
// page listens per type and the schemas below say exactly what `data` holds. Events say what
// changed, not everything about it: a page that needs more re-reads it through the API, which
// keeps the stream free of anything a role may not read (job output never travels here).
import { Type, type Static } from 'typebox';
import { DeviceId } from '../messages/common.js';
import { HealthSample } from '../messages/health.js';
import { JobId } from '../messages/jobs.js';
import { JobStatusSchema } from './jobs.js';
import { TicketStatusSchema } from './tickets.js';

const IsoTime = Type.String({ format: 'date-time' });

/** A device's channel came up or went down; `lastSeenAt` is when it was last heard from. */
export const DeviceOnlineEvent = Type.Object({
  type: Type.Literal('device.online'),
  deviceId: DeviceId,
  online: Type.Boolean(),
  lastSeenAt: Type.Union([IsoTime, Type.Null()]),
});

/** A device's record changed (enrolled, approved, revoked): re-read it. */
export const DeviceChangedEvent = Type.Object({ type: Type.Literal('device.changed'), deviceId: DeviceId });

/**
 * A health sample just stored for the device the stream watches (`?device=`), in the shape of
 * HealthSeriesView's `raw` items, so a chart appends it to the series it loaded.
 */
export const HealthSampleEvent = Type.Object({
  type: Type.Literal('health.sample'),
  deviceId: DeviceId,
  sample: HealthSample,
});

/** A ticket was opened or changed (status, assignee, a reply): re-read it or the list. */
export const TicketChangedEvent = Type.Object({
  type: Type.Literal('ticket.changed'),
  ticketId: Type.Integer({ minimum: 1 }),
  deviceId: Type.Union([DeviceId, Type.Null()]),
  status: TicketStatusSchema,
});

/** A job was queued, sent, started or finished (staff only, status only: never its output). */
export const JobChangedEvent = Type.Object({
  type: Type.Literal('job.changed'),
  jobId: JobId,
  deviceId: DeviceId,
  status: JobStatusSchema,
});

export const LiveEvent = Type.Union([
  DeviceOnlineEvent,
  DeviceChangedEvent,
  HealthSampleEvent,
  TicketChangedEvent,
  JobChangedEvent,
]);
export type LiveEvent = Static<typeof LiveEvent>;
export type LiveEventType = LiveEvent['type'];
export type LiveEventOf<K extends LiveEventType> = Extract<LiveEvent, { type: K }>;

/** Every event type, for a page (EventSource listens per type) and the server's tests. */
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = [
  'device.online',
  'device.changed',
  'health.sample',
  'ticket.changed',
  'job.changed',
];

/**
 * Which device's health samples the stream carries. A query, not a separate "watch" route: a tab
 * views one device at a time and reopens its one stream when that changes, so the server keeps no
 * watch state apart from the stream itself, and a reconnect (EventSource's own, or after a
 * restart) asks for the same device again by its URL alone.
 */
export const LiveEventsQuery = Type.Object({ device: Type.Optional(DeviceId) }, { additionalProperties: false });
export type LiveEventsQuery = Static<typeof LiveEventsQuery>;

/** How many streams one user may hold open at once (a tab each); more are refused with 429. */
export const MAX_STREAMS_PER_USER = 10;
