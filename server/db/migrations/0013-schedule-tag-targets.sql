-- A schedule may target the devices with a tag (resolved at each firing), besides one device or a
-- group. SQLite cannot change a CHECK constraint in place, so the table is rebuilt; nothing has a
-- foreign key to it (jobs.schedule_id is a plain column) and it has no index or trigger of its own.
CREATE TABLE schedules_new (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  script_name   TEXT NOT NULL,
  target_kind   TEXT NOT NULL CHECK (target_kind IN ('device', 'group', 'tag')),
  target        TEXT NOT NULL,
  cron          TEXT NOT NULL,
  time_zone     TEXT NOT NULL,
  spread_ms     INTEGER NOT NULL,
  window_start  TEXT,
  window_end    TEXT,
  args          TEXT NOT NULL,
  paused        INTEGER NOT NULL DEFAULT 0,
  created_by    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  next_fire_at  INTEGER,
  last_fired_at INTEGER
);
INSERT INTO schedules_new SELECT id, name, script_name, target_kind, target, cron, time_zone, spread_ms, window_start,
  window_end, args, paused, created_by, created_at, next_fire_at, last_fired_at FROM schedules;
DROP TABLE schedules;
ALTER TABLE schedules_new RENAME TO schedules;
