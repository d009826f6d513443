// Maintenance windows: staff start one on a device or a group for a while and may end it early
// (both audited); it ends by itself when its time is up. The fault service asks whether a device
// is covered when a fault comes in, and the fleet shows until when each device is covered.
import {
  parseMaintenanceDuration,
  type MaintenanceBadge,
  type MaintenanceQuery,
  type MaintenanceRequest,
  type MaintenanceView,
} from '../../../protocol/api/maintenance.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import { iso } from '../../time.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import type { MaintenanceRow, MaintenanceStore } from './store.js';

export function maintenanceView(row: MaintenanceRow, at: number): MaintenanceView {
  return {
    id: row.id,
    target:
      row.deviceId !== null
        ? { kind: 'device', value: row.deviceId, deviceName: row.deviceName }
        : { kind: 'group', value: row.group ?? '', deviceName: null },
    reason: row.reason,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    startedBy: row.startedBy,
    endedAt: iso(row.endedAt),
    endedBy: row.endedBy,
    active: row.endedAt === null && row.startsAt <= at && at < row.endsAt,
    faults: row.faults,
  };
}

const targetText = (row: MaintenanceRow) => (row.deviceId !== null ? row.deviceId : `group ${row.group}`);

export function createMaintenanceService(deps: {
  db: Db;
  store: MaintenanceStore;
  devices: DeviceStore;
  audit: AuditStore;
  now: () => number;
  /** A device's maintenance began or ended: the console shows it (device.changed). */
  onDeviceChanged: (deviceId: string) => void;
  /** A window was started or ended (the plugin's timer for the next one to run out). */
  onWindowsChanged?: () => void;
}) {
  const { store, devices } = deps;
  const affected = (row: MaintenanceRow) =>
    row.deviceId !== null ? [row.deviceId] : store.devicesOfGroup(row.group ?? '');
  const tell = (row: MaintenanceRow) => {
    for (const id of affected(row)) deps.onDeviceChanged(id);
  };

  return {
    list(query: MaintenanceQuery): MaintenanceView[] {
      const at = deps.now();
      if (query.deviceId !== undefined) {
        const device = devices.byId(query.deviceId);
        if (!device) throw new ApiError('not_found', `no device ${query.deviceId}`);
        return store.covering(device.id, device.group, at).map((row) => maintenanceView(row, at));
      }
      if (query.group !== undefined) {
        const group = store.groupSpelling(query.group);
        if (group === undefined) throw new ApiError('not_found', `no group ${query.group}`);
        return store.ofGroup(group, at).map((row) => maintenanceView(row, at));
      }
      return store.active(at).map((row) => maintenanceView(row, at));
    },

    start(actor: string, request: MaintenanceRequest): MaintenanceView {
      if ((request.deviceId === undefined) === (request.group === undefined))
        throw new ApiError('validation_failed', 'name what to put in maintenance: deviceId or group (one of them)');
      const duration = parseMaintenanceDuration(request.for);
      if ('problem' in duration) throw new ApiError('validation_failed', duration.problem);
      const at = deps.now();
      let deviceId: string | null = null;
      let group: string | null = null;
      if (request.deviceId !== undefined) {
        const device = devices.byId(request.deviceId);
        if (!device) throw new ApiError('not_found', `no device ${request.deviceId}`);
        deviceId = device.id;
      } else {
        group = store.groupSpelling(request.group ?? '') ?? null;
        if (group === null) throw new ApiError('not_found', `no group ${request.group}`);
      }
      const reason = request.reason?.trim() || null;
      const row = deps.db.transaction(() => {
        // One window per target at a time: a second would only hide when the first really ends.
        const running = store
          .active(at)
          .find((window) => (deviceId !== null ? window.deviceId === deviceId : window.group === group));
        if (running)
          throw new ApiError(
            'conflict',
            `${targetText(running)} is in maintenance already until ${iso(running.endsAt)} (#${running.id}); end it first`,
          );
        const id = store.insert({ deviceId, group, reason, startsAt: at, endsAt: at + duration.ms, startedBy: actor });
        const created = store.byId(id)!;
        deps.audit.record({
          actor,
          action: 'maintenance.started',
          target: targetText(created),
          detail: { id, until: iso(created.endsAt), reason },
        });
        return created;
      })();
      tell(row);
      deps.onWindowsChanged?.();
      return maintenanceView(row, at);
    },

    end(actor: string, id: number): MaintenanceView {
      const at = deps.now();
      const row = deps.db.transaction(() => {
        const window = store.byId(id);
        if (!window) throw new ApiError('not_found', `no maintenance window #${id}`);
        if (window.endedAt !== null || window.endsAt <= at)
          throw new ApiError(
            'conflict',
            `maintenance #${id} is over already (${iso(window.endedAt ?? window.endsAt)})`,
          );
        store.end(id, at, actor);
        deps.audit.record({ actor, action: 'maintenance.ended', target: targetText(window), detail: { id } });
        return store.byId(id)!;
      })();
      tell(row);
      deps.onWindowsChanged?.();
      return maintenanceView(row, at);
    },

    /**
     * The window that covers a device at any of these instants (the server's receive time, and
     * the PC's own observation time, so that a fault a PC queued while offline during its
     * maintenance does not open a ticket when it is delivered later); null when none does.
     */
    coveringAt(deviceId: string, instants: readonly number[]): MaintenanceRow | null {
      const device = devices.byId(deviceId);
      if (!device) return null;
      for (const at of instants) {
        const [window] = store.covering(deviceId, device.group, at);
        if (window) return window;
      }
      return null;
    },

    /** A fault raised under a window: kept with the window (repeats counted), no ticket. */
    recordFault(windowId: number, deviceId: string, fault: { faultKey: string; checkId: string; subject: string }) {
      store.recordFault({ windowId, deviceId, ...fault, at: deps.now() });
    },
    /** A fault recorded under a window recovered. */
    faultCleared: (deviceId: string, faultKey: string) => store.clearFault(deviceId, faultKey, deps.now()),

    /** Every device in maintenance now, for the fleet table (one query). */
    badges(): Map<string, MaintenanceBadge> {
      const badges = new Map<string, MaintenanceBadge>();
      for (const [deviceId, badge] of store.badges(deps.now()))
        badges.set(deviceId, { until: iso(badge.endsAt), reason: badge.reason });
      return badges;
    },

    /** When the next window in force runs out by itself, or null when none is in force. */
    nextEndAt: (): number | null => store.active(deps.now())[0]?.endsAt ?? null,

    /** Tells the console of the devices whose windows ran out after `since`; answers the time it looked up to. */
    tellRanOut(since: number): number {
      const at = deps.now();
      for (const row of store.ranOut(since, at)) tell(row);
      return at;
    },
  };
}
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
