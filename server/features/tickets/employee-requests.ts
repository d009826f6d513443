// Employees' side of the help desk, as it reaches the server from their PC's agent: help
// requests become tickets (with the PC's snapshot), and ratings are taken from the account that
// asked. The device's list of its tickets follows in employee-lists.ts.
import type { HelpRequest, TicketRatingMessage } from '../../../protocol/messages/employee.js';
import type { DeviceStore } from '../devices/store.js';
import { employeeRequester, osUserOf } from './employee-lists.js';
import type { TicketService } from './service.js';
import type { SnapshotTaker } from './snapshot.js';
import type { TicketStore } from './store.js';

const IMPACT_ONE_PERSON = 3;

export function createEmployeeRequests(deps: {
  tickets: TicketService;
  ticketStore: TicketStore;
  devices: DeviceStore;
  snapshot: SnapshotTaker;
}) {
  return {
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
        // The tray icon is the employees' self-service portal.
        channel: 'portal',
        impact: IMPACT_ONE_PERSON,
        urgency: request.urgency,
        faultKey: null,
        snapshot: JSON.stringify(deps.snapshot(deviceId)),
      });
    },
    /** Why this device's account may not rate that ticket, or null when it may. */
    ratingRefusal(deviceId: string, rating: Omit<TicketRatingMessage, 'seq'>): string | null {
      const row = deps.ticketStore.byId(rating.ticketId);
      if (!row || row.deviceId !== deviceId || row.requesterKind !== 'employee')
        return `ticket #${rating.ticketId} is not a request from this PC`;
      if (osUserOf(row.requesterName) !== rating.osUser)
        return `ticket #${rating.ticketId} was asked for by another account on this PC`;
      if (row.status !== 'resolved' && row.status !== 'closed')
        return `ticket #${rating.ticketId} is ${row.status.replace('_', ' ')}; it can be rated once it is resolved`;
      return null;
    },
    rate(rating: Omit<TicketRatingMessage, 'seq'>): void {
      deps.tickets.rate(rating.ticketId, rating.osUser, rating.rating, rating.comment.trim());
    },
  };
}
export type EmployeeRequests = ReturnType<typeof createEmployeeRequests>;
