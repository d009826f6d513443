// Faults become tickets: one open ticket per (device, check). The first fault opens it with a
// snapshot of the PC; while it is open, repeats and further items (another full mount) are
// events on it. A recovery adds a note, and when every item of the check has recovered and the
// check says so, resolves it. Runs inside the ingest transaction of the agent's message.
//
// A device in maintenance (its own window or its group's) is being worked on: its faults are
// recorded with the window but open no ticket, add nothing to an open one, start no remediation
// and so notify nobody (notifications follow ticket events). Recoveries still go to an open
// ticket: a fix made during maintenance should close what was open before it. A fault still
// raised when the window ends is left as it is: it opens its ticket on its next report (the
// offline check reports on every tick; an agent reports again once it has cleared and recurs),
// rather than a burst of tickets the moment maintenance ends for what the technician is fixing.
import type { FastifyBaseLogger } from 'fastify';
import type { CheckKind, FaultCleared, FaultRaised } from '../../../protocol/messages/checks.js';
import type { DeviceStore } from '../devices/store.js';
import type { MaintenanceService } from '../maintenance/service.js';
import { SYSTEM_ACTOR } from '../tickets/sla-monitor.js';
import type { TicketService } from '../tickets/service.js';
import type { SnapshotTaker } from '../tickets/snapshot.js';
import type { TicketStore } from '../tickets/store.js';
import type { CheckPolicyService } from './check-policies.js';
import type { Remediation } from './remediation.js';
import type { FaultStore } from './store.js';

/** A failing disk loses data; the rest hurt but wait a little. Impact is one PC either way. */
const URGENCY: Record<CheckKind, number> = {
  smart: 2,
  disk_usage: 3,
  memory_usage: 3,
  cpu_usage: 3,
  battery_capacity: 4,
  service_running: 3,
  offline: 3,
};
const IMPACT_ONE_PC = 3;

export type RaisedFault = Omit<FaultRaised, 'seq'>;
export type ClearedFault = Omit<FaultCleared, 'seq'>;

const describeValues = (values: FaultRaised['values']) =>
  Object.entries(values)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');

export function createFaultService(deps: {
  tickets: TicketService;
  ticketStore: TicketStore;
  faults: FaultStore;
  devices: DeviceStore;
  checkPolicies: CheckPolicyService;
  snapshot: SnapshotTaker;
  remediation?: Remediation;
  maintenance?: Pick<MaintenanceService, 'coveringAt' | 'recordFault' | 'faultCleared'>;
  log: FastifyBaseLogger;
  now: () => number;
  onChanged?: (ticketId: number) => void;
}) {
  const checkOf = (deviceId: string, checkId: string) =>
    deps.checkPolicies.forDevice(deviceId).checks.find((candidate) => candidate.id === checkId);
  const remediate = (deviceId: string, ticketId: number, checkId: string) => {
    const check = checkOf(deviceId, checkId);
    if (check && deps.remediation) deps.remediation.start(deviceId, ticketId, check);
  };

  return {
    /** Returns the id of the ticket the fault went to; null when the device is in maintenance. */
    raised(deviceId: string, fault: RaisedFault): number | null {
      // At the server's time and the PC's: a fault queued offline during maintenance stays quiet.
      const window = deps.maintenance?.coveringAt(deviceId, [deps.now(), fault.observedAt]);
      if (window) {
        deps.maintenance!.recordFault(window.id, deviceId, fault);
        deps.log.info({ deviceId, faultKey: fault.faultKey, maintenance: window.id }, 'fault during maintenance');
        return null;
      }
      const id = openOrAdd(deviceId, fault);
      remediate(deviceId, id, fault.checkId);
      return id;
    },

    /** Returns the ticket it noted the recovery on, or null when no ticket was open for it. */
    cleared(deviceId: string, fault: ClearedFault): number | null {
      deps.maintenance?.faultCleared(deviceId, fault.faultKey);
      const open = deps.ticketStore.openFaultTicket(deviceId, fault.checkId);
      if (!open) {
        // Someone resolved or closed it already; the recovery is still worth a log line.
        deps.log.info({ deviceId, faultKey: fault.faultKey }, 'fault cleared; its ticket is no longer open');
        return null;
      }
      const at = deps.now();
      deps.faults.clear(open.id, fault.faultKey);
      deps.ticketStore.addEntry(open.id, at, SYSTEM_ACTOR.name, 'note', `Recovered: ${fault.detail}`);
      const stillRaised = deps.faults.active(open.id);
      const fixedBy = deps.remediation?.fixedBy(open.id) ?? null;
      if (stillRaised.length === 0 && fixedBy) {
        deps.tickets.resolve(SYSTEM_ACTOR, open.id, `Fixed automatically by ${fixedBy}: ${fault.detail}`);
      } else if (stillRaised.length === 0 && checkOf(deviceId, fault.checkId)?.autoResolve) {
        deps.tickets.resolve(SYSTEM_ACTOR, open.id, `Recovered by itself: ${fault.detail}`);
      } else {
        deps.onChanged?.(open.id);
      }
      return open.id;
    },

    /** Keys still raised on a device's open ticket for a check (for the offline monitor). */
    isRaised(deviceId: string, checkId: string, faultKey: string): boolean {
      const open = deps.ticketStore.openFaultTicket(deviceId, checkId);
      return open ? deps.faults.active(open.id).includes(faultKey) : false;
    },
  };

  /** The open ticket of the check gets the fault (a repeat or another item), or a new one opens. */
  function openOrAdd(deviceId: string, fault: RaisedFault): number {
    const at = deps.now();
    const open = deps.ticketStore.openFaultTicket(deviceId, fault.checkId);
    if (open) {
      const newItem = deps.faults.raise(open.id, fault.faultKey, at);
      deps.ticketStore.addEntry(
        open.id,
        at,
        SYSTEM_ACTOR.name,
        'event',
        `${newItem ? 'Fault raised' : 'Fault raised again'}: ${fault.subject}. ${fault.detail}`,
      );
      deps.onChanged?.(open.id);
      return open.id;
    }
    const id = deps.tickets.openForDevice({
      subject: fault.subject,
      description: `${fault.checkName} (check "${fault.checkId}").\n${fault.detail}\nObserved ${new Date(fault.observedAt).toISOString()} (PC clock): ${describeValues(fault.values)}`,
      requesterKind: 'system',
      requesterName: SYSTEM_ACTOR.name,
      deviceId,
      category: 'fault',
      source: 'fault',
      channel: null,
      impact: IMPACT_ONE_PC,
      urgency: URGENCY[fault.kind],
      faultKey: fault.checkId,
      snapshot: JSON.stringify(deps.snapshot(deviceId)),
    });
    deps.faults.raise(id, fault.faultKey, at);
    return id;
  }
}
export type FaultService = ReturnType<typeof createFaultService>;
