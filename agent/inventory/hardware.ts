// Hardware and OS sections of the inventory, from systeminformation. Only stable facts go here
// (sizes, models, addresses); what changes by the minute (use, load) belongs to health samples,
// so that a section's hash changes only when the PC really changed.
import { uptime } from 'node:os';
import si from 'systeminformation';
import type { InventorySectionData as Section } from '../../protocol/messages/inventory.js';

/** What systeminformation reports per field: a primitive, or nothing when it could not tell. */
type Field = string | number | boolean | null | undefined;

const text = (value: Field) => (value === undefined || value === null ? '' : String(value)).slice(0, 300);
const numberOrNull = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

export async function collectHardware(): Promise<{
  system: Section<'system'>;
  bios: Section<'bios'>;
  baseboard: Section<'baseboard'>;
  cpu: Section<'cpu'>;
  memory: Section<'memory'>;
  disks: Section<'disks'>;
  filesystems: Section<'filesystems'>;
  network: Section<'network'>;
  graphics: Section<'graphics'>;
  battery: Section<'battery'>;
  os: Section<'os'>;
  loggedIn: Section<'users'>['loggedIn'];
}> {
  // One at a time: these spawn helper processes, and the agent must stay light on the PC.
  const system = await si.system();
  const bios = await si.bios();
  const baseboard = await si.baseboard();
  const cpu = await si.cpu();
  const mem = await si.mem();
  const modules = await si.memLayout();
  const disks = await si.diskLayout();
  const filesystems = await si.fsSize();
  const interfaces = await si.networkInterfaces();
  const graphics = await si.graphics();
  const battery = await si.battery();
  const os = await si.osInfo();
  const users = await si.users();

  return {
    system: {
      manufacturer: text(system.manufacturer),
      model: text(system.model),
      serial: text(system.serial),
      uuid: text(system.uuid),
      virtual: Boolean(system.virtual),
    },
    bios: { vendor: text(bios.vendor), version: text(bios.version), releaseDate: text(bios.releaseDate) },
    baseboard: {
      manufacturer: text(baseboard.manufacturer),
      model: text(baseboard.model),
      serial: text(baseboard.serial),
    },
    cpu: {
      manufacturer: text(cpu.manufacturer),
      brand: text(cpu.brand),
      cores: cpu.cores,
      physicalCores: cpu.physicalCores,
      speedGHz: numberOrNull(cpu.speed) ?? 0,
    },
    memory: {
      total: mem.total,
      swapTotal: mem.swaptotal,
      modules: modules.map((module) => ({
        size: module.size,
        type: text(module.type),
        clockSpeed: numberOrNull(module.clockSpeed),
        formFactor: text(module.formFactor),
        manufacturer: text(module.manufacturer),
        partNum: text(module.partNum),
        serialNum: text(module.serialNum),
        bank: text(module.bank),
      })),
    },
    disks: disks
      .map((disk) => ({
        device: text(disk.device),
        type: text(disk.type),
        name: text(disk.name),
        vendor: text(disk.vendor),
        size: disk.size,
        serial: text(disk.serialNum),
        interfaceType: text(disk.interfaceType),
        smartStatus: text(disk.smartStatus).slice(0, 40),
      }))
      .sort(byKey((disk) => disk.device)),
    filesystems: filesystems
      .map((fs) => ({ mount: text(fs.mount), fs: text(fs.fs), type: text(fs.type), size: fs.size }))
      .sort(byKey((fs) => fs.mount)),
    network: (Array.isArray(interfaces) ? interfaces : [interfaces])
      .filter((nic) => !nic.internal)
      .map((nic) => ({
        iface: text(nic.iface),
        mac: text(nic.mac).slice(0, 40),
        ip4: text(nic.ip4),
        ip6: text(nic.ip6),
        speedMbps: numberOrNull(nic.speed),
        type: text(nic.type),
        virtual: Boolean(nic.virtual),
        default: Boolean(nic.default),
      }))
      .sort(byKey((nic) => nic.iface)),
    graphics: {
      controllers: graphics.controllers.map((gpu) => ({
        vendor: text(gpu.vendor),
        model: text(gpu.model),
        vramMB: numberOrNull(gpu.vram),
      })),
      displays: graphics.displays.map((display) => ({
        vendor: text(display.vendor),
        model: text(display.model),
        resolutionX: numberOrNull(display.resolutionX),
        resolutionY: numberOrNull(display.resolutionY),
        main: Boolean(display.main),
      })),
    },
    battery: battery.hasBattery
      ? {
          manufacturer: text(battery.manufacturer),
          model: text(battery.model),
          designedCapacity: battery.designedCapacity,
          maxCapacity: battery.maxCapacity,
          capacityUnit: text(battery.capacityUnit).slice(0, 20),
          cycleCount: battery.cycleCount,
        }
      : null,
    os: {
      platform: text(os.platform).slice(0, 40),
      distro: text(os.distro),
      release: text(os.release),
      kernel: text(os.kernel),
      arch: text(os.arch).slice(0, 40),
      hostname: text(os.hostname).slice(0, 255),
      // Rounded to the minute: uptime is measured in fractions, and boot time must not jitter.
      bootTime: new Date(Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000).toISOString(),
    },
    loggedIn: users
      .map((user) => ({
        user: text(user.user).slice(0, 100),
        terminal: text(user.tty).slice(0, 100),
        since: `${text(user.date)} ${text(user.time)}`.trim().slice(0, 60),
      }))
      .sort(byKey((user) => `${user.user}|${user.terminal}`)),
  };
}
