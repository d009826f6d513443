// A help desk's history written in bulk through the server's ticket store: tickets over the last
// 90 days on the seeded PCs, most of them closed or resolved, the rest open in every status, with
// every priority and source, as a year of a busy office leaves them (no workflow runs for them).
import { openDataDirDatabase } from '../../../server/data-dir.js';
import { createTicketStore, type NewTicket } from '../../../server/features/tickets/store.js';
import type { TicketStatus } from '../../../protocol/api/tickets.js';

const DAY = 86_400_000;
const SUBJECTS = ['Printer jams', 'VPN drops', 'Outlook asks for the password', 'Disk almost full', 'Screen flickers'];
/** Of ten tickets: seven closed or resolved, three open. */
const STATUSES: TicketStatus[] = [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'resolved',
  'resolved',
  'new',
  'assigned',
  'in_progress',
];

/** Adds `count` tickets about the devices `deviceIds` (in turn), in one transaction. */
export function seedTickets(dataDir: string, count: number, deviceIds: readonly string[]): void {
  const db = openDataDirDatabase(dataDir);
  try {
    const tickets = createTicketStore(db);
    const now = Date.now();
    db.transaction(() => {
      for (let index = 0; index < count; index++) {
        const fault = index % 4 === 0;
        const ticket: NewTicket = {
          subject: `${SUBJECTS[index % SUBJECTS.length]!} (${index + 1})`,
          description: 'Seeded by bench:web.',
          requesterKind: fault ? 'system' : 'employee',
          requesterName: fault ? 'system' : `user${index % 300}@PC`,
          requesterUserId: null,
          deviceId: deviceIds.length ? deviceIds[index % deviceIds.length]! : null,
          category: fault ? 'fault' : 'general',
          source: fault ? 'fault' : 'employee',
          channel: fault ? null : 'portal',
          impact: 1 + (index % 5),
          urgency: 1 + ((index * 7) % 5),
          priority: 1 + (index % 5),
          line: (1 + (index % 3)) as 1 | 2 | 3,
          assigneeId: null,
          status: STATUSES[index % STATUSES.length]!,
          faultKey: null,
          snapshot: null,
          createdAt: now - Math.floor(((index * 7919) % 90_000) / 1000) * DAY - (index % 1000) * 60_000,
        };
        tickets.insert(ticket);
      }
    })();
  } finally {
    db.close();
  }
}
