// The fleet table's facts that are not in the devices table: tags, each device's latest health,
// its OS name from inventory, its open tickets. Each is one query over the whole fleet (never one
// per device), so the table of 10,000 answers in a few queries.
import type { Db } from '../../db/database.js';

/** What makes two tags the same: case-folded in every script (SQLite's lower() folds only ASCII). */
export const tagKey = (tag: string) => tag.normalize('NFC').toLocaleLowerCase('und');

export interface LatestHealth {
  deviceId: string;
  cpuPct: number | null;
  memPct: number | null;
  diskMaxPct: number | null;
}

export function createFleetStore(db: Db, now: () => number) {
  const allTags = db.prepare('SELECT device_id AS deviceId, tag FROM device_tags ORDER BY device_id, tag_key');
  const tagsOf = db.prepare('SELECT tag FROM device_tags WHERE device_id = ? ORDER BY tag_key').pluck();
  const addTag = db.prepare(
    'INSERT INTO device_tags (device_id, tag_key, tag, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const removeTag = db.prepare('DELETE FROM device_tags WHERE device_id = ? AND tag_key = ?');
  const withTag = db.prepare('SELECT device_id FROM device_tags WHERE tag_key = ?').pluck();
  // The newest sample per device through the (device_id, at) key: one index probe per device.
  const latestHealth = db.prepare(
    `SELECT d.id AS deviceId, h.cpu_pct AS cpuPct, h.mem_pct AS memPct, h.disk_max_pct AS diskMaxPct
     FROM devices d JOIN health_samples h
       ON h.device_id = d.id AND h.at = (SELECT MAX(at) FROM health_samples WHERE device_id = d.id)`,
  );
  const osSections = db.prepare(
    `SELECT device_id AS deviceId, json_extract(data, '$.distro') AS distro, json_extract(data, '$.release') AS release
     FROM inventory_sections WHERE section = 'os'`,
  );
  const openTickets = db.prepare(
    `SELECT device_id AS deviceId, COUNT(*) AS count FROM tickets
     WHERE device_id IS NOT NULL AND status NOT IN ('resolved', 'closed') GROUP BY device_id`,
  );
  const groupSpelling = db.prepare('SELECT name FROM device_groups WHERE name = ?').pluck();
  const setGroup = db.prepare('UPDATE devices SET group_name = ? WHERE id = ?');
  const ensureGroup = db.prepare('INSERT OR IGNORE INTO device_groups (name, created_at) VALUES (?, ?)');
  const preferences = db.prepare('SELECT data FROM user_preferences WHERE user_id = ?').pluck();
  const savePreferences = db.prepare(
    `INSERT INTO user_preferences (user_id, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );

  return {
    /** Every device's tags, by device id. */
    allTags(): Map<string, string[]> {
      const tags = new Map<string, string[]>();
      for (const { deviceId, tag } of allTags.all() as Array<{ deviceId: string; tag: string }>) {
        const list = tags.get(deviceId) ?? [];
        list.push(tag);
        tags.set(deviceId, list);
      }
      return tags;
    },
    tagsOf: (deviceId: string) => tagsOf.all(deviceId) as string[],
    /** Adds a tag (kept as first written if the device has it in another case); true if it was new. */
    addTag: (deviceId: string, tag: string) => addTag.run(deviceId, tagKey(tag), tag, now()).changes > 0,
    removeTag: (deviceId: string, tag: string) => removeTag.run(deviceId, tagKey(tag)).changes > 0,
    devicesWithTag: (tag: string) => new Set(withTag.all(tagKey(tag)) as string[]),
    latestHealth: () => latestHealth.all() as LatestHealth[],
    /** "Ubuntu 24.04" per device, from its OS inventory section. */
    osNames(): Map<string, string> {
      const rows = osSections.all() as Array<{ deviceId: string; distro: string | null; release: string | null }>;
      return new Map(
        rows
          .filter((row) => row.distro)
          .map((row) => [row.deviceId, [row.distro, row.release].filter(Boolean).join(' ')]),
      );
    },
    openTickets(): Map<string, number> {
      const rows = openTickets.all() as Array<{ deviceId: string; count: number }>;
      return new Map(rows.map((row) => [row.deviceId, row.count]));
    },
    /** The group's name as it was created (names compare case-insensitively); undefined for a new group. */
    groupSpelling: (group: string) => groupSpelling.get(group) as string | undefined,
    /** Runs `work` in one transaction (a savepoint when one is open already). */
    inTransaction: <T>(work: () => T): T => db.transaction(work)(),
    /** Moves a device; the group is created if it is new (as an enrollment token's is). */
    setGroup(deviceId: string, group: string): void {
      ensureGroup.run(group, now());
      setGroup.run(group, deviceId);
    },
    preferences(userId: number): unknown {
      const data = preferences.get(userId) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as unknown);
    },
    savePreferences: (userId: number, data: unknown) => void savePreferences.run(userId, JSON.stringify(data), now()),
  };
}
export type FleetStore = ReturnType<typeof createFleetStore>;
