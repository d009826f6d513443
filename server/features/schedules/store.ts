// Schedules as stored.
import type { ScheduleTargetKind } from '../../../protocol/api/schedules.js';
import type { JobArgs } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';
import type { DailyWindow } from './timing.js';

export interface ScheduleRow {
  id: number;
  name: string;
  scriptName: string;
  targetKind: ScheduleTargetKind;
  target: string;
  cron: string;
  timeZone: string;
  spreadMs: number;
  window: DailyWindow | null;
  args: JobArgs;
  paused: boolean;
  createdBy: string;
  createdAt: number;
  nextFireAt: number | null;
  lastFiredAt: number | null;
}

const SELECT = `SELECT c.id, c.name, c.script_name AS scriptName, c.target_kind AS targetKind, c.target, c.cron,
  c.time_zone AS timeZone, c.spread_ms AS spreadMs, c.window_start AS windowStart, c.window_end AS windowEnd, c.args, c.paused,
  c.created_by AS createdBy, c.created_at AS createdAt, c.next_fire_at AS nextFireAt, c.last_fired_at AS lastFiredAt
  FROM schedules c`;

type RawRow = Omit<ScheduleRow, 'window' | 'args' | 'paused'> & {
  windowStart: string | null;
  windowEnd: string | null;
  args: string;
  paused: number;
};
const parse = ({ windowStart, windowEnd, ...row }: RawRow): ScheduleRow => ({
  ...row,
  window: windowStart && windowEnd ? { start: windowStart, end: windowEnd } : null,
  args: JSON.parse(row.args) as JobArgs,
  paused: row.paused === 1,
});

export function createScheduleStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO schedules (name, script_name, target_kind, target, cron, time_zone, spread_ms, window_start, window_end, args, paused, created_by, created_at, next_fire_at)
     VALUES (@name, @scriptName, @targetKind, @target, @cron, @timeZone, @spreadMs, @windowStart, @windowEnd, @args, 0, @createdBy, @createdAt, @nextFireAt)`,
  );
  const byId = db.prepare(`${SELECT} WHERE c.id = ?`);
  const byName = db.prepare('SELECT id FROM schedules WHERE name = ?').pluck();
  const all = db.prepare(`${SELECT} ORDER BY c.name`);
  const due = db.prepare(
    `${SELECT} WHERE c.paused = 0 AND c.next_fire_at IS NOT NULL AND c.next_fire_at <= ? ORDER BY c.next_fire_at`,
  );
  const setPaused = db.prepare('UPDATE schedules SET paused = ?, next_fire_at = ? WHERE id = ?');
  const fired = db.prepare(
    'UPDATE schedules SET last_fired_at = COALESCE(?, last_fired_at), next_fire_at = ? WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM schedules WHERE id = ?');
  const one = (id: number) => {
    const row = byId.get(id) as RawRow | undefined;
    return row ? parse(row) : null;
  };
  return {
    insert: (row: Omit<ScheduleRow, 'id' | 'paused' | 'lastFiredAt' | 'window'> & { window: DailyWindow | null }) =>
      Number(
        insert.run({
          ...row,
          windowStart: row.window?.start ?? null,
          windowEnd: row.window?.end ?? null,
          args: JSON.stringify(row.args),
        }).lastInsertRowid,
      ),
    byId: one,
    nameTaken: (name: string) => byName.get(name) !== undefined,
    all: () => (all.all() as RawRow[]).map(parse),
    due: (now: number) => (due.all(now) as RawRow[]).map(parse),
    setPaused: (id: number, paused: boolean, nextFireAt: number | null) =>
      void setPaused.run(paused ? 1 : 0, nextFireAt, id),
    /** `firedAt` null: the firing was skipped (outside the window, no devices). */
    recordFiring: (id: number, firedAt: number | null, nextFireAt: number | null) =>
      void fired.run(firedAt, nextFireAt, id),
    remove: (id: number) => remove.run(id).changes > 0,
  };
}
export type ScheduleStore = ReturnType<typeof createScheduleStore>;
