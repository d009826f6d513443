// Current inventory per device, its change history, and the software index derived from it.
// Called inside the ingest transaction: no method here opens a transaction of its own.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like.js';
import type { InventoryChange } from './diff.js';

export interface ChangeRow extends InventoryChange {
  at: number;
}

export function createInventoryStore(db: Db) {
  const getSection = db.prepare('SELECT data FROM inventory_sections WHERE device_id = ? AND section = ?').pluck();
  const putSection = db.prepare(
    `INSERT INTO inventory_sections (device_id, section, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(device_id, section) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const allSections = db.prepare(
    'SELECT section, data, updated_at AS updatedAt FROM inventory_sections WHERE device_id = ? ORDER BY section',
  );
  const countSections = db.prepare('SELECT COUNT(*) FROM inventory_sections WHERE device_id = ?').pluck();
  const insertChange = db.prepare(
    'INSERT INTO inventory_changes (device_id, at, section, kind, item, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const changesSince = db.prepare(
    `SELECT at, section, kind, item, field, old_value AS oldValue, new_value AS newValue FROM inventory_changes
     WHERE device_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?`,
  );
  const clearSoftware = db.prepare('DELETE FROM software WHERE device_id = ?');
  const insertSoftware = db.prepare(
    'INSERT INTO software (device_id, name, version, publisher, source, installed_at, arch) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const softwareOf = db.prepare(
    'SELECT name, version, publisher, source, installed_at AS installedAt, arch FROM software WHERE device_id = ? ORDER BY name COLLATE NOCASE, source',
  );
  const findSoftware = db.prepare(
    `SELECT s.device_id AS deviceId, d.name AS deviceName, s.name, s.version, s.publisher, s.source, s.installed_at AS installedAt, s.arch
     FROM software s JOIN devices d ON d.id = s.device_id
     WHERE s.name LIKE @pattern ESCAPE '\\' AND (@version IS NULL OR s.version = @version) AND d.status = 'active'
     ORDER BY s.name COLLATE NOCASE, d.name LIMIT 1000`,
  );

  const loggedIn = db.prepare(
    `SELECT DISTINCT d.id AS deviceId, d.name AS deviceName, json_extract(u.value, '$.user') AS user
     FROM inventory_sections s JOIN devices d ON d.id = s.device_id, json_each(s.data, '$.loggedIn') u
     WHERE s.section = 'users' AND d.status = 'active' ORDER BY user, d.name`,
  );

  return {
    /** Who is signed in on each active PC, as its latest inventory says. */
    loggedInUsers: () => loggedIn.all() as Array<{ deviceId: string; deviceName: string; user: string }>,
    section(deviceId: string, section: string): unknown {
      const data = getSection.get(deviceId, section) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as unknown);
    },
    putSection: (deviceId: string, section: string, data: unknown, at: number) =>
      void putSection.run(deviceId, section, JSON.stringify(data), at),
    sections: (deviceId: string) =>
      allSections.all(deviceId) as Array<{ section: string; data: string; updatedAt: number }>,
    hasInventory: (deviceId: string) => (countSections.get(deviceId) as number) > 0,
    addChanges(deviceId: string, at: number, changes: InventoryChange[]): void {
      for (const change of changes)
        insertChange.run(
          deviceId,
          at,
          change.section,
          change.kind,
          change.item,
          change.field,
          change.oldValue,
          change.newValue,
        );
    },
    changes: (deviceId: string, since: number, limit = 1000) => changesSince.all(deviceId, since, limit) as ChangeRow[],
    replaceSoftware(deviceId: string, packages: SoftwarePackage[]): void {
      clearSoftware.run(deviceId);
      for (const pkg of packages)
        insertSoftware.run(deviceId, pkg.name, pkg.version, pkg.publisher, pkg.source, pkg.installedAt, pkg.arch);
    },
    softwareOf: (deviceId: string) => softwareOf.all(deviceId) as Array<Omit<SoftwarePackage, never>>,
    /** Devices that have software whose name contains `name` (case-insensitive), optionally at one version. */
    findSoftware(name: string, version?: string) {
      const pattern = containsPattern(name);
      return findSoftware.all({ pattern, version: version ?? null }) as Array<
        SoftwarePackage & { deviceId: string; deviceName: string }
      >;
    },
  };
}
export type InventoryStore = ReturnType<typeof createInventoryStore>;
