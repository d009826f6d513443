// Each device gets the list of its employee tickets with the public replies whenever one of them
// changes (and on every connect), so `helpline-agent tickets` works offline too. Kept apart from
// the help requests: the ticket service tells this list about every change, so it is built first.
import type { EmployeeTickets } from '../../../protocol/messages/employee.js';
import type { RatingStore } from './rating-store.js';
import type { TicketStore } from './store.js';

const LIST_LIMIT = 200;
const REPLY_LIMIT = 100;

/** Employee requesters are `osUser@deviceName`; OS account names never contain '@'. */
export const employeeRequester = (osUser: string, deviceName: string) => `${osUser}@${deviceName}`;
export const osUserOf = (requesterName: string) => requesterName.slice(0, Math.max(0, requesterName.indexOf('@')));

export function createEmployeeTicketLists(deps: {
  tickets: TicketStore;
  ratings: RatingStore;
  /** Sends to a connected device; false when it is not connected. */
  send: (deviceId: string, list: EmployeeTickets) => boolean;
}) {
  const pendingPush = new Set<string>();

  const list = (deviceId: string): EmployeeTickets => ({
    tickets: deps.tickets.employeeTicketIds(deviceId, LIST_LIMIT).map((id) => {
      const row = deps.tickets.byId(id)!;
      const replies = deps.tickets
        .entries(id)
        .filter((entry) => entry.kind === 'reply')
        .slice(-REPLY_LIMIT);
      return {
        id,
        osUser: osUserOf(row.requesterName),
        subject: row.subject.slice(0, 300),
        status: row.status,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        resolution: row.resolution?.slice(0, 20_000) ?? null,
        rating: deps.ratings.of(id)?.rating ?? null,
        replies: replies.map((entry) => ({
          at: entry.at,
          author: entry.author.slice(0, 128),
          body: entry.body.slice(0, 20_000),
        })),
      };
    }),
  });
  const push = (deviceId: string) => deps.send(deviceId, list(deviceId));

  return {
    /** On connect: the list, unless the device has no employee tickets (most have none). */
    pushOnConnect(deviceId: string): void {
      const current = list(deviceId);
      if (current.tickets.length > 0) deps.send(deviceId, current);
    },
    /** A ticket changed: if it is an employee's, the device gets its list again (once per tick). */
    ticketChanged(ticketId: number): void {
      const row = deps.tickets.byId(ticketId);
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
