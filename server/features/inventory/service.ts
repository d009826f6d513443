// Applies inventory reports: stores each section, records what changed since the last version,
// and keeps the software index in step. Runs inside the ingest transaction.
import type { InventoryReport, InventorySectionName } from '../../../protocol/messages/inventory.js';
import { describeChange, type InventoryChangeView } from '../../../protocol/api/inventory.js';
import { ApiError } from '../../errors.js';
import type { DeviceStore } from '../devices/store.js';
import { diffSection } from './diff.js';
import type { InventoryStore } from './store.js';

export function createInventoryService(deps: { inventory: InventoryStore; devices: DeviceStore }) {
  const requireDevice = (deviceId: string) => {
    if (!deps.devices.byId(deviceId)) throw new ApiError('not_found', `no device ${deviceId}`);
  };

  return {
    /** Stores a report; returns how many change entries it produced. */
    apply(deviceId: string, report: Omit<InventoryReport, 'seq'>, receivedAt: number): number {
      let changeCount = 0;
      const at = Math.min(report.collectedAt, receivedAt);
      for (const [name, data] of Object.entries(report.sections) as Array<[InventorySectionName, unknown]>) {
        if (data === undefined) continue;
        const before = deps.inventory.section(deviceId, name);
        // The first time a section arrives is the baseline, not a change.
        if (before !== undefined) {
          const changes = diffSection(name, before, data);
          deps.inventory.addChanges(deviceId, at, changes);
          changeCount += changes.length;
        }
        deps.inventory.putSection(deviceId, name, data, at);
        if (name === 'software') deps.inventory.replaceSoftware(deviceId, report.sections.software!);
      }
      return changeCount;
    },

    inventory(deviceId: string) {
      requireDevice(deviceId);
      const rows = deps.inventory.sections(deviceId);
      return {
        deviceId,
        sections: Object.fromEntries(rows.map((row) => [row.section, JSON.parse(row.data) as unknown])),
        updatedAt: Object.fromEntries(rows.map((row) => [row.section, new Date(row.updatedAt).toISOString()])),
      };
    },

    software(deviceId: string) {
      requireDevice(deviceId);
      return deps.inventory.softwareOf(deviceId);
    },

    findSoftware: (name: string, version?: string) => deps.inventory.findSoftware(name, version),

    loggedInUsers: () => deps.inventory.loggedInUsers(),

    changes(deviceId: string, since: number): InventoryChangeView[] {
      requireDevice(deviceId);
      return deps.inventory.changes(deviceId, since).map((change) => ({
        at: new Date(change.at).toISOString(),
        section: change.section,
        kind: change.kind,
        item: change.item,
        field: change.field,
        oldValue: change.oldValue,
        newValue: change.newValue,
        text: describeChange(change),
      }));
    },
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
