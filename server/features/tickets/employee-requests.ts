// Employees' side of the help desk, as it reaches the server from their PC's agent: help
// requests become tickets (with the PC's snapshot), ratings are taken from the account that
// asked, and each device gets the list of its employee tickets with the public replies whenever
// one of them changes (and on every connect), so `helpline-agent tickets` works offline too.
import type { EmployeeTickets, HelpRequest, TicketRatingMessage } from '../../../protocol/messages/employee.js';
import type { Db } from '../../db/database.js';
import type { DeviceStore } from '../devices/store.js';
import type { RatingStore } from './rating-store.js';
import type { TicketService } from './service.js';
import type { SnapshotTaker } from './snapshot.js';
import type { TicketStore } from './store.js';

const LIST_LIMIT = 200;
const REPLY_LIMIT = 100;
const IMPACT_ONE_PERSON = 3;

/** Employee requesters are `osUser@deviceName`; OS account names never contain '@'. */
export const employeeRequester = (osUser: string, deviceName: string) => `${osUser}@${deviceName}`;
const osUserOf = (requesterName: string) => requesterName.slice(0, Math.max(0, requesterName.indexOf('@')));

export function createEmployeeRequests(deps: {
  db: Db;
  tickets: TicketService;
  ticketStore: TicketStore;
  ratings: RatingStore;
  devices: DeviceStore;
  snapshot: SnapshotTaker;
  /** Sends to a connected device; false when it is not connected. */
  send: (deviceId: string, list: EmployeeTickets) => boolean;
}) {
  const listIds = deps.db.prepare("SELECT id FROM tickets WHERE device_id = ? AND requester_kind = 'employee' ORDER BY created_at DESC, id DESC LIMIT ?").pluck();
  const pendingPush = new Set<string>();

  const list = (deviceId: string): EmployeeTickets => ({
    tickets: (listIds.all(deviceId, LIST_LIMIT) as number[]).map((id) => {
      const row = deps.ticketStore.byId(id)!;
      const replies = deps.ticketStore.entries(id).filter((entry) => entry.kind === 'reply').slice(-REPLY_LIMIT);
      return {
        id,
        osUser: osUserOf(row.requesterName),
        subject: row.subject.slice(0, 300),
        status: row.status,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        resolution: row.resolution?.slice(0, 20_000) ?? null,
        rating: deps.ratings.of(id)?.rating ?? null,
        replies: replies.map((entry) => ({ at: entry.at, author: entry.author.slice(0, 128), body: entry.body.slice(0, 20_000) })),
      };
    }),
  });
  const push = (deviceId: string) => deps.send(deviceId, list(deviceId));

  return {
    list,
    push,
    /** On connect: the list, unless the device has no employee tickets (most have none). */
    pushOnConnect(deviceId: string): void {
      const current = list(deviceId);
      if (current.tickets.length > 0) deps.send(deviceId, current);
    },
    /** Opens the ticket for a help request; returns its id. */
    request(deviceId: string, request: Omit<HelpRequest, 'seq'>): number {
      const device = deps.devices.byId(deviceId);
      return deps.tickets.openForDevice({
        subject: request.subject.trim() || '(no subject)',
        description: request.details,
        requesterKind: 'employee',
        requesterName: employeeRequester(request.osUser, device?.name ?? deviceId),
        deviceId,
        category: 'general',
        source: 'employee',
        impact: IMPACT_ONE_PERSON,
        urgency: request.urgency,
        faultKey: null,
        snapshot: JSON.stringify(deps.snapshot(deviceId)),
      });
    },
    /** Why this device's account may not rate that ticket, or null when it may. */
    ratingRefusal(deviceId: string, rating: Omit<TicketRatingMessage, 'seq'>): string | null {
      const row = deps.ticketStore.byId(rating.ticketId);
      if (!row || row.deviceId !== deviceId || row.requesterKind !== 'employee') return `ticket #${rating.ticketId} is not a request from this PC`;
      if (osUserOf(row.requesterName) !== rating.osUser) return `ticket #${rating.ticketId} was asked for by another account on this PC`;
      if (row.status !== 'resolved' && row.status !== 'closed') return `ticket #${rating.ticketId} is ${row.status.replace('_', ' ')}; it can be rated once it is resolved`;
      return null;
    },
    rate(rating: Omit<TicketRatingMessage, 'seq'>): void {
      deps.tickets.rate(rating.ticketId, rating.osUser, rating.rating, rating.comment.trim());
    },
    /** A ticket changed: if it is an employee's, the device gets its list again (once per tick). */
    ticketChanged(ticketId: number): void {
      const row = deps.ticketStore.byId(ticketId);
      if (!row?.deviceId || row.requesterKind !== 'employee' || pendingPush.has(row.deviceId)) return;
      const deviceId = row.deviceId;
      pendingPush.add(deviceId);
      // After the change's transaction has committed, and once for a burst of changes.
      setImmediate(() => {
        pendingPush.delete(deviceId);
        push(deviceId);
      });
    },
  };
}
export type EmployeeRequests = ReturnType<typeof createEmployeeRequests>;
