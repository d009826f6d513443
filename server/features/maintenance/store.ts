// Maintenance windows and the faults recorded during them, as stored. A window covers an instant
// t when it started at or before t and neither ran out nor was ended by t. No transactions here:
// the service opens them, and the fault path runs inside the agent message's ingest transaction.
import type { Db } from '../../db/database.js';

export interface MaintenanceRow {
  id: number;
  deviceId: string | null;
  deviceName: string | null;
  group: string | null;
  reason: string | null;
  startsAt: number;
  endsAt: number;
  startedBy: string;
  endedAt: number | null;
  endedBy: string | null;
  faults: number;
}

const SELECT = `SELECT w.id, w.device_id AS deviceId, d.name AS deviceName, w.group_name AS "group", w.reason,
  w.starts_at AS startsAt, w.ends_at AS endsAt, w.started_by AS startedBy, w.ended_at AS endedAt, w.ended_by AS endedBy,
  (SELECT COUNT(*) FROM maintenance_faults f WHERE f.window_id = w.id) AS faults
  FROM maintenance_windows w LEFT JOIN devices d ON d.id = w.device_id`;
/** The window is in force at @at. */
const COVERS = 'w.starts_at <= @at AND @at < COALESCE(MIN(w.ends_at, w.ended_at), w.ends_at)';

export function createMaintenanceStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO maintenance_windows (device_id, group_name, reason, starts_at, ends_at, started_by)
     VALUES (@deviceId, @group, @reason, @startsAt, @endsAt, @startedBy)`,
  );
  const byId = db.prepare(`${SELECT} WHERE w.id = ?`);
  const active = db.prepare(`${SELECT} WHERE ${COVERS} ORDER BY w.ends_at, w.id`);
  // The windows that cover a device: its own and its group's.
  const covering = db.prepare(
    `${SELECT} WHERE (w.device_id = @deviceId OR w.group_name = @group) AND ${COVERS} ORDER BY w.ends_at DESC, w.id`,
  );
  const ofGroup = db.prepare(`${SELECT} WHERE w.group_name = @group AND ${COVERS} ORDER BY w.ends_at, w.id`);
  const ranOut = db.prepare(
    `${SELECT} WHERE w.ended_at IS NULL AND w.ends_at > @from AND w.ends_at <= @to ORDER BY w.ends_at, w.id`,
  );
  const end = db.prepare('UPDATE maintenance_windows SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL');
  // Every device a window in force covers, with the window that ends last (one query for the fleet).
  const badges = db.prepare(
    `SELECT d.id AS deviceId, w.ends_at AS endsAt, w.reason FROM maintenance_windows w
     JOIN devices d ON d.id = w.device_id OR (w.group_name IS NOT NULL AND d.group_name = w.group_name)
     WHERE ${COVERS} ORDER BY w.ends_at`,
  );
  const groupSpelling = db.prepare('SELECT name FROM device_groups WHERE name = ?').pluck();
  const devicesOfGroup = db.prepare('SELECT id FROM devices WHERE group_name = ?').pluck();
  const recordFault = db.prepare(
    `INSERT INTO maintenance_faults (window_id, device_id, fault_key, check_id, subject, first_at, last_at, reports)
     VALUES (@windowId, @deviceId, @faultKey, @checkId, @subject, @at, @at, 1)
     ON CONFLICT DO UPDATE SET subject = excluded.subject, last_at = excluded.last_at, reports = reports + 1,
       cleared_at = NULL`,
  );
  const clearFault = db.prepare(
    'UPDATE maintenance_faults SET cleared_at = ? WHERE device_id = ? AND fault_key = ? AND cleared_at IS NULL',
  );

  return {
    insert: (row: {
      deviceId: string | null;
      group: string | null;
      reason: string | null;
      startsAt: number;
      endsAt: number;
      startedBy: string;
    }) => Number(insert.run(row).lastInsertRowid),
    byId: (id: number) => byId.get(id) as MaintenanceRow | undefined,
    active: (at: number) => active.all({ at }) as MaintenanceRow[],
    /** Windows in force at `at` over the device (its own and its group's), the one ending last first. */
    covering: (deviceId: string, group: string, at: number) =>
      covering.all({ deviceId, group, at }) as MaintenanceRow[],
    ofGroup: (group: string, at: number) => ofGroup.all({ group, at }) as MaintenanceRow[],
    /** Windows that ran out by themselves after `from`, up to `to`. */
    ranOut: (from: number, to: number) => ranOut.all({ from, to }) as MaintenanceRow[],
    /** False when it had been ended already. */
    end: (id: number, at: number, by: string) => end.run(at, by, id).changes > 0,
    /** Devices in maintenance at `at`: until when (the latest end of the windows over each) and why. */
    badges(at: number): Map<string, { endsAt: number; reason: string | null }> {
      const rows = badges.all({ at }) as Array<{ deviceId: string; endsAt: number; reason: string | null }>;
      // Ordered by end: the latest-ending window is written last and wins.
      return new Map(rows.map(({ deviceId, ...badge }) => [deviceId, badge]));
    },
    /** The group's name as the registry spells it (names compare case-insensitively); undefined if none. */
    groupSpelling: (name: string) => groupSpelling.get(name) as string | undefined,
    devicesOfGroup: (group: string) => devicesOfGroup.all(group) as string[],
    recordFault: (fault: {
      windowId: number;
      deviceId: string;
      faultKey: string;
      checkId: string;
      subject: string;
      at: number;
    }) => void recordFault.run(fault),
    clearFault: (deviceId: string, faultKey: string, at: number) => void clearFault.run(at, deviceId, faultKey),
  };
}
export type MaintenanceStore = ReturnType<typeof createMaintenanceStore>;
