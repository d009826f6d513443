// The state of a PC when a ticket was opened for it (a fault or an employee request): what it
// is, how it was doing, what ran on it and what changed lately. Stored with the ticket, so it
// still shows the moment of the fault after the PC has changed.
import { Type, type Static } from 'typebox';
import { HealthSample } from '../messages/health.js';
import { InventoryChangeView } from './inventory.js';

const Iso = Type.String({ format: 'date-time' });

export const TicketSnapshot = Type.Object({
  takenAt: Iso,
  device: Type.Object({
    id: Type.String(),
    name: Type.String(),
    group: Type.String(),
    platform: Type.String(),
    osRelease: Type.String(),
    agentVersion: Type.String(),
    lastSeenAt: Type.Union([Iso, Type.Null()]),
  }),
  /** One line per fact ("os", "model", "cpu", "memory", "disks"), from the stored inventory. */
  summary: Type.Record(Type.String(), Type.String()),
  /** The last health sample the server has (with its own time), or null before the first one. */
  health: Type.Union([HealthSample, Type.Null()]),
  /** Inventory changes of the last 7 days, newest last, at most 20. */
  recentChanges: Type.Array(InventoryChangeView),
});
export type TicketSnapshot = Static<typeof TicketSnapshot>;
