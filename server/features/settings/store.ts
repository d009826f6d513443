// The settings table: one JSON value per key (the help-desk settings, each group's policies),
// with who changed it last and when.
import type { Db } from '../../db/database.js';

export interface SettingRow {
  key: string;
  value: string;
  updatedBy: string;
  updatedAt: number;
}

export function createSettingsStore(db: Db) {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const byPrefix = db.prepare(
    'SELECT key, value, updated_by AS updatedBy, updated_at AS updatedAt FROM settings WHERE key LIKE ?',
  );
  const write = db.prepare(
    `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET
       value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  return {
    /** The stored JSON text, or undefined when the key was never set. */
    value: (key: string) => read.get(key) as string | undefined,
    /** Every setting whose key starts with `prefix`. */
    withPrefix: (prefix: string) => byPrefix.all(`${prefix}%`) as SettingRow[],
    write: (key: string, value: string, actor: string, at: number) => void write.run(key, value, actor, at),
    remove: (key: string) => void remove.run(key),
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
