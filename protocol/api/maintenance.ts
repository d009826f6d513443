// Maintenance mode: a device, or every device of a group, put aside for a while ("2h", "1d").
// Faults raised meanwhile are recorded but open no ticket and notify nobody. Shared by the
// server (which decides), the CLI and the web console (which check what was typed first).
import { Type, type Static } from 'typebox';
import { formatDuration, parseDuration } from '../duration.js';
import { DeviceId } from '../messages/common.js';
import { Name } from './common.js';

/** Shorter than this is a typo (2s for 2h); longer than a month is forgetting to end it. */
export const MAINTENANCE_MIN_MS = 60_000;
export const MAINTENANCE_MAX_MS = 30 * 86_400_000;
export const MAINTENANCE_REASON_MAX = 500;

/** "2h" → milliseconds, or the problem with it in words (the same words wherever it is typed). */
export function parseMaintenanceDuration(text: string): { ms: number } | { problem: string } {
  const ms = parseDuration(text);
  const shown = JSON.stringify(text.slice(0, 40));
  if (ms === null) return { problem: `the duration is a number and a unit, like 30m, 2h or 1d, not ${shown}` };
  if (ms < MAINTENANCE_MIN_MS) return { problem: `maintenance lasts at least 1 minute, not ${shown}` };
  if (ms > MAINTENANCE_MAX_MS)
    return { problem: `maintenance lasts at most ${formatDuration(MAINTENANCE_MAX_MS)} (30 days), not ${shown}` };
  return { ms };
}

export const MaintenanceRequest = Type.Object(
  {
    /** One of deviceId and group. */
    deviceId: Type.Optional(DeviceId),
    group: Type.Optional(Name),
    /** How long, as typed: "30m", "2h", "1d" (1 minute to 30 days). */
    for: Type.String({ minLength: 1, maxLength: 40 }),
    reason: Type.Optional(Type.String({ maxLength: MAINTENANCE_REASON_MAX })),
  },
  { additionalProperties: false },
);
export type MaintenanceRequest = Static<typeof MaintenanceRequest>;

const Iso = Type.String({ format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const MaintenanceView = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  /** A device (value: its id, with its name) or a group (value: its name, name null). */
  target: Type.Object({
    kind: Type.Union([Type.Literal('device'), Type.Literal('group')]),
    value: Type.String(),
    deviceName: NullableString,
  }),
  reason: NullableString,
  startsAt: Iso,
  /** When it ends by itself. */
  endsAt: Iso,
  startedBy: Type.String(),
  /** Set when someone ended it early. */
  endedAt: Type.Union([Iso, Type.Null()]),
  endedBy: NullableString,
  active: Type.Boolean(),
  /** Faults the window's devices raised during it (recorded, no ticket opened). */
  faults: Type.Integer({ minimum: 0 }),
});
export type MaintenanceView = Static<typeof MaintenanceView>;

export const MaintenanceQuery = Type.Object(
  {
    /** Only the windows that cover this device: its own and its group's. */
    deviceId: Type.Optional(DeviceId),
    group: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type MaintenanceQuery = Static<typeof MaintenanceQuery>;

export const MaintenanceIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

/** What the fleet table and the device page show: covered until when, and why (the latest-ending window). */
export const MaintenanceBadge = Type.Union([Type.Object({ until: Iso, reason: NullableString }), Type.Null()]);
export type MaintenanceBadge = Static<typeof MaintenanceBadge>;
