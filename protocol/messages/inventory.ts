// Inventory sections: what a PC is and has. Each section is hashed on the agent; only sections
// whose hash changed are sent again. One schema per section; the server stores them as sent.
import { Type, type Static, type TSchema } from 'typebox';
import { ServiceState, SoftwarePackage } from './inventory-items.js';

const Text = (max = 300) => Type.String({ maxLength: max });
const Bytes = Type.Number({ minimum: 0 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const List = <T extends TSchema>(item: T, maxItems = 256) => Type.Array(item, { maxItems });
const Strict = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

export const InventorySections = {
  system: Strict({ manufacturer: Text(), model: Text(), serial: Text(), uuid: Text(), virtual: Type.Boolean() }),
  bios: Strict({ vendor: Text(), version: Text(), releaseDate: Text() }),
  baseboard: Strict({ manufacturer: Text(), model: Text(), serial: Text() }),
  cpu: Strict({
    manufacturer: Text(),
    brand: Text(),
    cores: Type.Integer({ minimum: 0 }),
    physicalCores: Type.Integer({ minimum: 0 }),
    speedGHz: Type.Number({ minimum: 0 }),
  }),
  memory: Strict({
    total: Bytes,
    swapTotal: Bytes,
    modules: List(
      Strict({
        size: Bytes,
        type: Text(),
        clockSpeed: Nullable(Type.Number()),
        formFactor: Text(),
        manufacturer: Text(),
        partNum: Text(),
        serialNum: Text(),
        bank: Text(),
      }),
    ),
  }),
  disks: List(
    Strict({
      device: Text(),
      type: Text(),
      name: Text(),
      vendor: Text(),
      size: Bytes,
      serial: Text(),
      interfaceType: Text(),
      smartStatus: Text(40),
    }),
  ),
  filesystems: List(Strict({ mount: Text(1000), fs: Text(1000), type: Text(), size: Bytes })),
  network: List(
    Strict({
      iface: Text(),
      mac: Text(40),
      ip4: Text(),
      ip6: Text(),
      speedMbps: Nullable(Type.Number()),
      type: Text(),
      virtual: Type.Boolean(),
      default: Type.Boolean(),
    }),
  ),
  graphics: Strict({
    controllers: List(Strict({ vendor: Text(), model: Text(), vramMB: Nullable(Type.Number()) })),
    displays: List(
      Strict({
        vendor: Text(),
        model: Text(),
        resolutionX: Nullable(Type.Number()),
        resolutionY: Nullable(Type.Number()),
        main: Type.Boolean(),
      }),
    ),
  }),
  battery: Nullable(
    Strict({
      manufacturer: Text(),
      model: Text(),
      designedCapacity: Type.Number(),
      maxCapacity: Type.Number(),
      capacityUnit: Text(20),
      cycleCount: Type.Number(),
    }),
  ),
  os: Strict({
    platform: Text(40),
    distro: Text(),
    release: Text(),
    kernel: Text(),
    arch: Text(40),
    hostname: Text(255),
    bootTime: Type.String({ maxLength: 40 }),
  }),
  users: Strict({
    local: List(
      Strict({ name: Text(100), uid: Nullable(Type.String({ maxLength: 100 })), home: Text(1000), shell: Text(300) }),
      2000,
    ),
    loggedIn: List(Strict({ user: Text(100), terminal: Text(100), since: Text(60) })),
  }),
  software: List(SoftwarePackage, 20_000),
  services: List(ServiceState, 5_000),
} as const;

export type InventorySectionName = keyof typeof InventorySections;
export type InventorySectionData<K extends InventorySectionName> = Static<(typeof InventorySections)[K]>;
export type InventoryData = { [K in InventorySectionName]: InventorySectionData<K> };
export const INVENTORY_SECTION_NAMES = Object.keys(InventorySections) as InventorySectionName[];

/** The message body: some sections (all of them when `full`), and the hash of every section. */
export const InventoryReport = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    full: Type.Boolean(),
    collectedAt: Type.Number(),
    sections: Type.Object(
      Object.fromEntries(Object.entries(InventorySections).map(([name, schema]) => [name, Type.Optional(schema)])) as {
        [K in InventorySectionName]: ReturnType<typeof Type.Optional<(typeof InventorySections)[K]>>;
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type InventoryReport = Static<typeof InventoryReport>;
