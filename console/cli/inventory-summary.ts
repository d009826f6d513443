// `device show --inventory` for people: what the PC is and has, one line per fact or item, with
// software and services counted rather than listed (`device software` lists them).
import { formatBytes, type DeviceInventoryView } from '../../protocol/api/inventory.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { relativeTime, timeWithRelative } from './output.js';

type Field = [string, string];

/** The OS says '' or '-' for what it does not know. */
const known = (text: string): boolean => text.trim() !== '' && text.trim() !== '-';

/** Joins the parts that are there. */
const join = (parts: Array<string | null | undefined | false>, separator = ' '): string =>
  parts.filter((part): part is string => typeof part === 'string' && known(part)).join(separator);

/** The first item under `label`, the rest on the lines below it; `none` when there are none. */
function list<T>(label: string, items: readonly T[], describe: (item: T) => string, none = 'none'): Field[] {
  if (items.length === 0) return [[label, none]];
  return items.map((item, index) => [index === 0 ? label : '', describe(item)]);
}

/** "12 packages (dpkg 10, snap 2)": how many of each, most first. */
function counted(values: readonly string[], noun: string): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => `${value} ${count}`);
  return `${values.length} ${noun}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

const MAX_NAMES = 12;
function names(values: readonly string[]): string {
  const shown = values.slice(0, MAX_NAMES).join(', ');
  return values.length > MAX_NAMES ? `${shown} and ${values.length - MAX_NAMES} more` : shown;
}

function hardware(s: Partial<InventoryData>): Field[] {
  const fields: Field[] = [];
  if (s.system) {
    const { manufacturer, model, serial, virtual } = s.system;
    fields.push([
      'machine',
      join([manufacturer, model, known(serial) && `serial ${serial}`, virtual && '(virtual machine)']) || 'unknown',
    ]);
  }
  if (s.baseboard)
    fields.push([
      'baseboard',
      join([
        s.baseboard.manufacturer,
        s.baseboard.model,
        known(s.baseboard.serial) && `serial ${s.baseboard.serial}`,
      ]) || 'unknown',
    ]);
  if (s.bios)
    fields.push([
      'BIOS',
      join([s.bios.vendor, s.bios.version, known(s.bios.releaseDate) && `(${s.bios.releaseDate})`]) || 'unknown',
    ]);
  if (s.cpu) {
    const { brand, manufacturer, cores, physicalCores, speedGHz } = s.cpu;
    const coreText =
      physicalCores && physicalCores !== cores ? `${cores} cores (${physicalCores} physical)` : `${cores} cores`;
    fields.push([
      'CPU',
      join(
        [
          join([manufacturer && !brand.includes(manufacturer) && manufacturer, brand]),
          coreText,
          speedGHz > 0 && `${speedGHz} GHz`,
        ],
        ', ',
      ),
    ]);
  }
  if (s.memory) {
    const { total, swapTotal, modules } = s.memory;
    fields.push([
      'memory',
      `${formatBytes(total)}, swap ${formatBytes(swapTotal)}${modules.length ? `, ${modules.length} module${modules.length === 1 ? '' : 's'}` : ''}`,
    ]);
    for (const m of modules)
      fields.push([
        '',
        join([
          'module',
          formatBytes(m.size),
          m.type,
          m.clockSpeed !== null && m.clockSpeed > 0 && `${m.clockSpeed} MHz`,
          m.formFactor,
          m.manufacturer,
          m.bank && `in ${m.bank}`,
        ]),
      ]);
  }
  if (s.disks)
    fields.push(
      ...list('disks', s.disks, (d) =>
        join([
          d.device,
          d.vendor,
          d.name,
          formatBytes(d.size),
          d.type,
          d.interfaceType,
          `SMART ${known(d.smartStatus) ? d.smartStatus : 'unknown'}`,
        ]),
      ),
    );
  if (s.filesystems)
    fields.push(
      ...list('file systems', s.filesystems, (f) =>
        join([f.mount, formatBytes(f.size), f.type, f.fs && f.fs !== f.mount && `(${f.fs})`]),
      ),
    );
  if (s.network) {
    const speed = (mbps: number | null) =>
      mbps === null ? null : mbps >= 1000 ? `${mbps / 1000} Gbit/s` : `${mbps} Mbit/s`;
    fields.push(
      ...list('network', s.network, (n) =>
        join([
          n.iface,
          n.mac,
          n.ip4 || 'no IPv4',
          speed(n.speedMbps),
          n.type,
          n.virtual && '(virtual)',
          n.default && '(default route)',
        ]),
      ),
    );
  }
  if (s.graphics) {
    const gpus = s.graphics.controllers.map((c) => join([c.vendor, c.model, c.vramMB !== null && `${c.vramMB} MB`]));
    const displays = s.graphics.displays.map((d) =>
      join([
        'display',
        d.vendor,
        d.model,
        d.resolutionX !== null && d.resolutionY !== null && `${d.resolutionX}x${d.resolutionY}`,
        d.main && '(main)',
      ]),
    );
    fields.push(...list('graphics', [...gpus, ...displays], (line) => line));
  }
  if (s.battery !== undefined) fields.push(['battery', battery(s.battery)]);
  return fields;
}

function battery(b: InventoryData['battery']): string {
  if (b === null) return 'none';
  const health = b.designedCapacity > 0 ? `health ${Math.round((b.maxCapacity / b.designedCapacity) * 100)}%` : null;
  const capacity = `${b.maxCapacity} of ${b.designedCapacity} ${b.capacityUnit} design capacity`.replace(/ {2,}/g, ' ');
  return join([join([b.manufacturer, b.model]), capacity, health, `${b.cycleCount} cycles`], ', ');
}

function software(s: Partial<InventoryData>, deviceId: string): Field[] {
  const fields: Field[] = [];
  if (s.os) {
    const { distro, release, kernel, arch, hostname, bootTime } = s.os;
    fields.push(['OS', join([distro, release, kernel && `(kernel ${kernel})`, arch])]);
    fields.push(['hostname', hostname || 'unknown']);
    fields.push(['booted', timeWithRelative(bootTime)]);
  }
  if (s.users) {
    fields.push(['local users', s.users.local.length ? names(s.users.local.map((u) => u.name)) : 'none']);
    fields.push(
      ...list(
        'logged in',
        s.users.loggedIn,
        (u) => join([u.user, u.terminal && `on ${u.terminal}`, u.since && `since ${u.since}`]),
        'nobody',
      ),
    );
  }
  if (s.software)
    fields.push([
      'software',
      `${counted(
        s.software.map((p) => p.source),
        'packages',
      )}; list them with \`helpline device software ${deviceId}\``,
    ]);
  if (s.services) {
    const count = (state: string) => s.services!.filter((service) => service.state === state).length;
    const other = count('other');
    fields.push([
      'services',
      `${count('running')} running, ${count('stopped')} stopped${other ? `, ${other} other` : ''}`,
    ]);
  }
  return fields;
}

/** Label/value lines for printFields; a heading line says when the inventory last changed. */
export function inventoryFields(inventory: DeviceInventoryView): Field[] {
  const times = Object.values(inventory.updatedAt).filter((at) => !Number.isNaN(Date.parse(at)));
  if (times.length === 0) return [['inventory', 'none received from this device yet']];
  const latest = times.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b));
  return [
    ['inventory', `last changed ${relativeTime(latest)}`],
    ...hardware(inventory.sections),
    ...software(inventory.sections, inventory.deviceId),
  ];
}
