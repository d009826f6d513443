// What each kind of check sees in one health sample or inventory: per fault key, whether the
// fault condition holds, whether the recovery condition holds (a value between the two levels
// holds neither, which keeps the current state), and the words for the ticket.
import { formatBytes } from '../../protocol/api/inventory.js';
import type { CheckDefinition, CheckOfKind, FaultValues } from '../../protocol/messages/checks.js';
import type { HealthSample } from '../../protocol/messages/health.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';

export interface Observation {
  key: string;
  subject: string;
  failing: boolean;
  recovered: boolean;
  values: FaultValues;
  raisedDetail: (heldMinutes: number) => string;
  clearedDetail: (heldMinutes: number) => string;
}

export interface Observed {
  items: Observation[];
  /** Words for a raised key this observation no longer lists; null keeps such faults raised. */
  missingDetail: ((key: string, subject: string) => string) | null;
}

/** Keeps text from the OS on one printable line, as the fault schemas demand. */
export const printable = (text: string, max: number) => {
  const line = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const pct = (value: number) => String(Math.round(value * 10) / 10);
const minutes = (value: number) => `${Math.round(value * 10) / 10} minute${value === 1 ? '' : 's'}`;
/** Recovery on the healthy side of the trigger even when a policy got it wrong: no flapping. */
const recoverBelow = (check: { thresholdPct: number; recoverBelowPct: number }) =>
  Math.min(check.recoverBelowPct, check.thresholdPct);

function observeDisk(check: CheckOfKind<'disk_usage'>, sample: HealthSample): Observed | null {
  // No file systems at all means the OS call gave nothing, not that every disk was unmounted.
  if (sample.filesystems.length === 0) return null;
  const recover = recoverBelow(check);
  const items = sample.filesystems
    .filter((fs) => check.mount === undefined || fs.mount === check.mount)
    .map((fs): Observation => {
      const mount = printable(fs.mount, 200);
      return {
        key: `${check.id}:${fs.mount}`,
        subject: `Disk ${mount} is ${pct(fs.usedPct)} % full`,
        failing: fs.usedPct > check.thresholdPct,
        recovered: fs.usedPct < recover,
        values: {
          mount: printable(fs.mount, 1000),
          usedPct: fs.usedPct,
          usedBytes: fs.usedBytes,
          sizeBytes: fs.sizeBytes,
          thresholdPct: check.thresholdPct,
          recoverBelowPct: recover,
        },
        raisedDetail: () =>
          `File system ${mount} is ${pct(fs.usedPct)} % full (${formatBytes(fs.usedBytes)} of ${formatBytes(fs.sizeBytes)}); the limit is ${pct(check.thresholdPct)} %.`,
        clearedDetail: () =>
          `File system ${mount} is down to ${pct(fs.usedPct)} % full, below the recovery level of ${pct(recover)} %.`,
      };
    });
  return {
    items,
    // A full USB stick or share that went away is no longer this PC's fault to watch.
    missingDetail: (key) =>
      `File system ${printable(key.slice(check.id.length + 1), 200)} is no longer mounted, so it cannot be watched; cleared.`,
  };
}

function observeSustained(check: CheckOfKind<'memory_usage' | 'cpu_usage'>, sample: HealthSample): Observed {
  const [what, value] = check.kind === 'memory_usage' ? ['Memory', sample.memUsedPct] : ['CPU', sample.cpuPct];
  const recover = recoverBelow(check);
  const item: Observation = {
    key: check.id,
    subject: `${what} use is ${pct(value)} %`,
    failing: value > check.thresholdPct,
    recovered: value < recover,
    values: {
      usedPct: value,
      thresholdPct: check.thresholdPct,
      recoverBelowPct: recover,
      forMinutes: check.forMinutes,
    },
    raisedDetail: (held) =>
      `${what} use has been above ${pct(check.thresholdPct)} % in every sample for ${minutes(held)} (now ${pct(value)} %).`,
    clearedDetail: (held) =>
      `${what} use has been below ${pct(recover)} % in every sample for ${minutes(held)} (now ${pct(value)} %).`,
  };
  if (check.kind === 'cpu_usage' && sample.topCpu[0]) item.values.topCpuProcess = printable(sample.topCpu[0].name, 200);
  if (check.kind === 'memory_usage' && sample.topMem[0])
    item.values.topMemProcess = printable(sample.topMem[0].name, 200);
  return { items: [item], missingDetail: null };
}

export function observeHealth(check: CheckDefinition, sample: HealthSample): Observed | null {
  if (check.kind === 'disk_usage') return observeDisk(check, sample);
  if (check.kind === 'memory_usage' || check.kind === 'cpu_usage') return observeSustained(check, sample);
  return null;
}

/** 'Ok' passes; '' and 'unknown' say nothing (many disks and VMs give no SMART data). */
function observeSmart(check: CheckOfKind<'smart'>, disks: InventoryData['disks']): Observed {
  const items = disks.flatMap((disk): Observation[] => {
    const status = disk.smartStatus.trim().toLowerCase();
    if (status === '' || status === 'unknown') return [];
    const label = printable(`${disk.name || disk.device}${disk.name && disk.device ? ` (${disk.device})` : ''}`, 200);
    const ok = status === 'ok';
    return [
      {
        // The serial survives a disk moving from sda to sdb; the device name is the fallback.
        key: `${check.id}:${disk.serial || disk.device || disk.name}`,
        subject: ok
          ? `Disk ${label} reports SMART status OK`
          : `Disk ${label} reports SMART status ${printable(disk.smartStatus, 40)}`,
        failing: !ok,
        recovered: ok,
        values: {
          device: printable(disk.device, 300),
          name: printable(disk.name, 300),
          serial: printable(disk.serial, 300),
          smartStatus: printable(disk.smartStatus, 40),
        },
        raisedDetail: () =>
          `Disk ${label} (serial ${printable(disk.serial || 'unknown', 100)}) reports SMART status "${printable(disk.smartStatus, 40)}": back up its data and plan a replacement.`,
        clearedDetail: () => `Disk ${label} reports SMART status OK again.`,
      },
    ];
  });
  // A dying disk often vanishes from the bus: that is no recovery, so its fault stays raised.
  return { items, missingDetail: null };
}

function observeBattery(
  check: CheckOfKind<'battery_capacity'>,
  battery: NonNullable<InventoryData['battery']>,
): Observed | null {
  // Many batteries report 0 when they do not know their capacities: nothing to judge.
  if (!(battery.designedCapacity > 0 && battery.maxCapacity > 0)) return null;
  const share = (battery.maxCapacity / battery.designedCapacity) * 100;
  const recoverAbove = Math.max(check.recoverAbovePct, check.minSharePct);
  const unit = printable(battery.capacityUnit, 20);
  return {
    items: [
      {
        key: check.id,
        subject: `Battery holds ${pct(share)} % of its design capacity`,
        failing: share < check.minSharePct,
        recovered: share > recoverAbove,
        values: {
          sharePct: Math.round(share * 10) / 10,
          maxCapacity: battery.maxCapacity,
          designedCapacity: battery.designedCapacity,
          capacityUnit: unit,
          cycleCount: battery.cycleCount,
          minSharePct: check.minSharePct,
        },
        raisedDetail: () =>
          `The battery holds ${battery.maxCapacity} of its designed ${battery.designedCapacity} ${unit} (${pct(share)} %, limit ${pct(check.minSharePct)} %) after ${battery.cycleCount} cycles: replace it.`,
        clearedDetail: () => `The battery holds ${pct(share)} % of its design capacity again (replaced?).`,
      },
    ],
    missingDetail: null,
  };
}

/** Service names are matched exactly, then ignoring case (Windows), then without ".service" (systemd). */
function findService(services: InventoryData['services'], wanted: string) {
  const lower = wanted.toLowerCase();
  return (
    services.find((s) => s.name === wanted) ??
    services.find((s) => s.name.toLowerCase() === lower) ??
    services.find((s) => s.name.toLowerCase() === `${lower}.service`)
  );
}

function observeService(check: CheckOfKind<'service_running'>, services: InventoryData['services']): Observed | null {
  // An empty list means the OS told us nothing (no systemd, a failed query), not that every
  // service is gone: raising here would open a false ticket on every such PC.
  if (services.length === 0) return null;
  const found = findService(services, check.service);
  const name = printable(check.service, 200);
  const state = found?.state ?? 'missing';
  return {
    items: [
      {
        key: check.id,
        subject: found
          ? `Service ${name} is ${state === 'running' ? 'running' : 'not running'}`
          : `Service ${name} is not installed`,
        failing: state !== 'running',
        recovered: state === 'running',
        values: { service: name, state, startup: found?.startup ?? 'unknown' },
        raisedDetail: () =>
          found
            ? `Service ${name} is ${state} (startup: ${found.startup ?? 'unknown'}).`
            : `No service named ${name} is installed.`,
        clearedDetail: () => `Service ${name} is running again.`,
      },
    ],
    missingDetail: null,
  };
}

/** Sections absent from `sections` did not change since the last inventory: nothing is decided. */
export function observeInventory(check: CheckDefinition, sections: Partial<InventoryData>): Observed | null {
  if (check.kind === 'smart' && sections.disks) return observeSmart(check, sections.disks);
  if (check.kind === 'battery_capacity' && sections.battery) return observeBattery(check, sections.battery);
  if (check.kind === 'service_running' && sections.services) return observeService(check, sections.services);
  return null;
}
