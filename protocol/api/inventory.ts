// Inventory, software, change history and health as the API serves them.
import { Type, type Static } from 'typebox';
import { HealthSample } from '../messages/health.js';
import type { InventoryData } from '../messages/inventory.js';

export const InventoryChangeView = Type.Object({
  at: Type.String({ format: 'date-time' }),
  section: Type.String(),
  kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  item: Type.Union([Type.String(), Type.Null()]),
  field: Type.Union([Type.String(), Type.Null()]),
  oldValue: Type.Union([Type.String(), Type.Null()]),
  newValue: Type.Union([Type.String(), Type.Null()]),
  /** One line for people, e.g. "memory total: 16 GB → 8 GB". */
  text: Type.String(),
});
export type InventoryChangeView = Static<typeof InventoryChangeView>;

/** A device's inventory; a section is missing until the agent has sent it. */
export const DeviceInventoryView = Type.Object({
  deviceId: Type.String(),
  // Sent as stored (each section was checked against its schema when the agent reported it);
  // typed for callers as the sections they are.
  sections: Type.Unsafe<Partial<InventoryData>>(Type.Record(Type.String(), Type.Unknown())),
  updatedAt: Type.Record(Type.String(), Type.String({ format: 'date-time' })),
});
export type DeviceInventoryView = Static<typeof DeviceInventoryView>;

export const SoftwareView = Type.Object({
  deviceId: Type.String(),
  deviceName: Type.String(),
  name: Type.String(),
  version: Type.String(),
  publisher: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  installedAt: Type.Union([Type.String(), Type.Null()]),
  arch: Type.Union([Type.String(), Type.Null()]),
});
export type SoftwareView = Static<typeof SoftwareView>;

export const SoftwareQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), version: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

/** `since`: a duration back from now ("24h", "7d") or an ISO date-time. */
export type SoftwareQuery = Static<typeof SoftwareQuery>;

export const SinceQuery = Type.Object(
  { since: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);

export const HealthMetricStats = Type.Object({ min: Type.Number(), avg: Type.Number(), max: Type.Number() });

export const HealthSeriesView = Type.Object({
  deviceId: Type.String(),
  /** raw samples for short ranges, hourly roll-ups (min/avg/max) for long ones. */
  resolution: Type.Union([Type.Literal('raw'), Type.Literal('hourly')]),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  raw: Type.Array(HealthSample),
  hourly: Type.Array(
    Type.Object({ hour: Type.String({ format: 'date-time' }), metrics: Type.Record(Type.String(), HealthMetricStats) }),
  ),
});
export type HealthSeriesView = Static<typeof HealthSeriesView>;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
const SIZE_FIELDS = /(^|\.)(total|swapTotal|size)$/;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) || value >= 100 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

/** One line for a change, e.g. "memory total: 16 GB → 8 GB" or "software firefox (dpkg): installed 129.0". */
export function describeChange(change: {
  section: string;
  kind: string;
  item: string | null;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}): string {
  const subject = [change.section, change.item].filter(Boolean).join(' ');
  const value = (text: string | null) =>
    text !== null && change.field && SIZE_FIELDS.test(change.field) && /^\d+$/.test(text)
      ? formatBytes(Number(text))
      : (text ?? '—');
  if (change.kind === 'added')
    return `${subject}: ${change.section === 'software' ? 'installed' : 'added'}${change.newValue ? ` ${change.newValue}` : ''}`;
  if (change.kind === 'removed') return `${subject}: removed${change.oldValue ? ` (was ${change.oldValue})` : ''}`;
  return `${subject}${change.field ? ` ${change.field}` : ''}: ${value(change.oldValue)} → ${value(change.newValue)}`;
}
