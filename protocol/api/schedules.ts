// Schedules: a script run by itself on a cron expression in a time zone, on a device, a group or a tag,
// spread at random over a window so a hundred PCs do not start in the same second, and only
// inside a maintenance window when one is set.
import { Type, type Static } from 'typebox';
import { DeviceId } from '../messages/common.js';
import { JobArgs } from '../messages/jobs.js';
import { Name } from './common.js';
import { Tag } from './fleet.js';
import { ScriptName } from './scripts.js';

/** "HH:MM", 00:00–23:59, local time in the schedule's time zone. */
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });

export const ScheduleRequest = Type.Object(
  {
    name: Name,
    script: ScriptName,
    deviceId: Type.Optional(DeviceId),
    group: Type.Optional(Name),
    /** The devices with this tag at each firing; one of deviceId, group, tag. */
    tag: Type.Optional(Tag),
    /** Five fields (minute hour day month weekday), as cron; croner reads it. */
    cron: Type.String({ minLength: 1, maxLength: 100 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
    /** Each device starts at a random moment within this long after the cron time. */
    spreadMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 3_600_000 })),
    /** Nothing starts outside this daily window (it may cross midnight: 22:00–05:00). */
    window: Type.Optional(Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false })),
    args: Type.Optional(JobArgs),
  },
  { additionalProperties: false },
);
export type ScheduleRequest = Static<typeof ScheduleRequest>;

export const ScheduleTargetKind = Type.Union([Type.Literal('device'), Type.Literal('group'), Type.Literal('tag')]);
export type ScheduleTargetKind = Static<typeof ScheduleTargetKind>;

const Iso = Type.String({ format: 'date-time' });
export const ScheduleView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  script: Type.String(),
  target: Type.Object({ kind: ScheduleTargetKind, value: Type.String() }),
  cron: Type.String(),
  timeZone: Type.String(),
  spreadMs: Type.Integer(),
  window: Type.Union([Type.Object({ start: Type.String(), end: Type.String() }), Type.Null()]),
  args: JobArgs,
  paused: Type.Boolean(),
  nextFireAt: Type.Union([Iso, Type.Null()]),
  lastFiredAt: Type.Union([Iso, Type.Null()]),
  createdBy: Type.String(),
  createdAt: Iso,
});
export type ScheduleView = Static<typeof ScheduleView>;
export const ScheduleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
