// The fleet as the web console's table shows it, tags, bulk actions on many devices, and the
// signed-in user's console preferences. The contract is written before either side: the server
// (route handlers, stores) and the console (fleet table, bulk dialogs) are built against it.
import { Type, type Static } from 'typebox';
import { DeviceId } from '../messages/common.js';
import { Name } from './common.js';
import { DeviceView } from './devices.js';
import { MaintenanceBadge } from './maintenance.js';

/** A tag's characters (a Unicode regular expression: use the u flag), for clients that check first. */
export const TAG_PATTERN = '^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$';
export const TAG_MAX_LENGTH = 40;
/** A label besides the group, any number per device: letters (any script), digits, . _ - */
export const Tag = Type.String({
  minLength: 1,
  maxLength: TAG_MAX_LENGTH,
  pattern: TAG_PATTERN,
  description: 'a tag: letters, digits, . _ -, at most 40',
});
export type Tag = Static<typeof Tag>;
/** Tags on one device at most (a bulk add that would pass it fails for that device). */
export const MAX_TAGS_PER_DEVICE = 32;

const Percent = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);

/** One row of the fleet table: the device, its tags, its latest health, its open tickets. */
export const FleetRow = Type.Object({
  device: DeviceView,
  tags: Type.Array(Tag),
  /** From the latest health sample; null before the first one. */
  cpuPercent: Percent,
  memoryPercent: Percent,
  /** The fullest disk. */
  diskPercent: Percent,
  osName: Type.Union([Type.String(), Type.Null()]),
  openTickets: Type.Integer({ minimum: 0 }),
  /** In maintenance (its own window or its group's) until when; null when not. */
  maintenance: MaintenanceBadge,
});
export type FleetRow = Static<typeof FleetRow>;

export const FleetQuery = Type.Object(
  {
    tag: Type.Optional(Tag),
    group: Type.Optional(Name),
    /** Devices with installed software whose name contains this (case-insensitive; server-side). */
    software: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type FleetQuery = Static<typeof FleetQuery>;

export const TagChange = Type.Object(
  {
    add: Type.Optional(Type.Array(Tag, { maxItems: MAX_TAGS_PER_DEVICE, uniqueItems: true })),
    remove: Type.Optional(Type.Array(Tag, { maxItems: MAX_TAGS_PER_DEVICE, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type TagChange = Static<typeof TagChange>;

export const GroupChange = Type.Object({ group: Name }, { additionalProperties: false });
export type GroupChange = Static<typeof GroupChange>;

/** What a bulk request does to each device it names. */
export const BulkAction = Type.Union([
  Type.Object({ kind: Type.Literal('tag'), change: TagChange }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('move'), group: Name }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('approve') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('revoke'), reason: Type.Optional(Type.String({ maxLength: 500 })) },
    { additionalProperties: false },
  ),
]);
export type BulkAction = Static<typeof BulkAction>;

export const BulkRequest = Type.Object(
  {
    deviceIds: Type.Array(DeviceId, { minItems: 1, maxItems: 10_000, uniqueItems: true }),
    action: BulkAction,
  },
  { additionalProperties: false },
);
export type BulkRequest = Static<typeof BulkRequest>;

/** Per device, what happened: done (with the device as it is now) or the API error it met. */
export const BulkOutcome = Type.Union([
  Type.Object({ deviceId: DeviceId, ok: Type.Literal(true), device: DeviceView }),
  Type.Object({ deviceId: DeviceId, ok: Type.Literal(false), code: Type.String(), message: Type.String() }),
]);
export type BulkOutcome = Static<typeof BulkOutcome>;
export const BulkResult = Type.Object({ outcomes: Type.Array(BulkOutcome) });
export type BulkResult = Static<typeof BulkResult>;

/** The fleet table's columns; `name` is always shown first and is not in the list. */
export const FLEET_COLUMNS = [
  'group',
  'tags',
  'status',
  'online',
  'lastSeen',
  'os',
  'cpu',
  'memory',
  'disk',
  'openTickets',
  'agentVersion',
] as const;
export type FleetColumn = (typeof FLEET_COLUMNS)[number];
export const FleetColumnSchema = Type.Enum(FLEET_COLUMNS);

/** Console preferences kept per user on the server (so they follow the user to another PC). */
export const Preferences = Type.Object(
  {
    /** The fleet table's columns, in order; absent: the default set. */
    fleetColumns: Type.Optional(Type.Array(FleetColumnSchema, { maxItems: FLEET_COLUMNS.length, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof Preferences>;
