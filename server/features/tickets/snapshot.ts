// Takes a device's snapshot for a new ticket from what the server already stores: inventory,
// the last health sample (with its top processes) and the recent inventory changes.
import { formatBytes } from '../../../protocol/api/inventory.js';
import type { TicketSnapshot } from '../../../protocol/api/snapshot.js';
import type { InventoryData } from '../../../protocol/messages/inventory.js';
import type { DeviceStore } from '../devices/store.js';
import type { HealthStore } from '../health/store.js';
import type { InventoryService } from '../inventory/service.js';

const RECENT_MS = 7 * 86_400_000;
const MAX_CHANGES = 20;

const known = (...parts: Array<string | undefined>) =>
  parts.filter((part) => part && part.trim() && part.trim() !== '-').join(' ');

function summarise(sections: Partial<InventoryData>): Record<string, string> {
  const summary: Record<string, string> = {};
  const { os, system, cpu, memory, disks } = sections;
  if (os) summary.os = known(os.distro, os.release, `(${os.platform} ${os.arch}, kernel ${os.kernel})`);
  if (os?.hostname) summary.hostname = os.hostname;
  if (system) summary.model = known(system.manufacturer, system.model, system.virtual ? '(virtual machine)' : '');
  if (cpu) summary.cpu = `${known(cpu.manufacturer, cpu.brand)}, ${cpu.cores} threads`;
  if (memory) summary.memory = formatBytes(memory.total);
  if (disks?.length)
    summary.disks = disks
      .map((disk) => `${known(disk.name, disk.type)} ${formatBytes(disk.size)} SMART ${disk.smartStatus || 'unknown'}`)
      .join('; ');
  return summary;
}

export function createSnapshotTaker(deps: {
  devices: DeviceStore;
  health: HealthStore;
  inventory: InventoryService;
  now: () => number;
}) {
  return (deviceId: string): TicketSnapshot | null => {
    const device = deps.devices.byId(deviceId);
    if (!device) return null;
    const at = deps.now();
    const changes = deps.inventory.changes(deviceId, at - RECENT_MS);
    return {
      takenAt: new Date(at).toISOString(),
      device: {
        id: device.id,
        name: device.name,
        group: device.group,
        platform: device.platform,
        osRelease: device.osRelease,
        agentVersion: device.agentVersion,
        lastSeenAt: device.lastSeenAt === null ? null : new Date(device.lastSeenAt).toISOString(),
      },
      summary: summarise(deps.inventory.inventory(deviceId).sections),
      health: deps.health.latest(deviceId),
      recentChanges: changes.slice(-MAX_CHANGES),
    };
  };
}
export type SnapshotTaker = ReturnType<typeof createSnapshotTaker>;
