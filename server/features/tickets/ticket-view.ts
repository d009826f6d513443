// A stored ticket as the API shows it: times as ISO text, with its SLA clocks as worked out now.
import type { TicketSlaView } from '../../../protocol/api/sla.js';
import type { TicketView } from '../../../protocol/api/tickets.js';
import { iso } from '../../time.js';
import type { TicketRow } from './store.js';

export function ticketView(row: TicketRow, sla: TicketSlaView): TicketView {
  return {
    id: row.id,
    subject: row.subject,
    description: row.description,
    requester: { kind: row.requesterKind, name: row.requesterName },
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    category: row.category,
    source: row.source,
    channel: row.channel,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    line: row.line,
    assignee: row.assignee,
    status: row.status,
    resolution: row.resolution,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    firstResponseAt: iso(row.firstResponseAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    sla,
  };
}
