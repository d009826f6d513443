-- Maintenance scripts (every change is a new version), the jobs that run them on devices, and
-- the schedules that make jobs by themselves. One name may have a variant per platform set
-- (clean-temp for linux, for windows, for macos): a run picks each device's variant.

CREATE TABLE scripts (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  platforms  TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (name, platforms)
);

CREATE TABLE script_versions (
  script_id   INTEGER NOT NULL REFERENCES scripts(id),
  version     INTEGER NOT NULL,
  description TEXT NOT NULL,
  changes     TEXT NOT NULL,
  interpreter TEXT NOT NULL,
  body        TEXT NOT NULL,
  sha512      TEXT NOT NULL,
  params      TEXT NOT NULL,
  timeout_ms  INTEGER NOT NULL,
  platforms   TEXT NOT NULL,
  elevation   INTEGER NOT NULL,
  concurrent  INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (script_id, version)
) WITHOUT ROWID;

CREATE TABLE jobs (
  id             TEXT PRIMARY KEY,
  run_id         TEXT NOT NULL,
  script_id      INTEGER NOT NULL REFERENCES scripts(id),
  script_version INTEGER NOT NULL,
  device_id      TEXT NOT NULL REFERENCES devices(id),
  envelope       TEXT NOT NULL,
  signature      TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'running', 'succeeded', 'failed', 'timed_out', 'rejected', 'error', 'expired')),
  requested_by   TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  not_before     INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  sent_at        INTEGER,
  started_at     INTEGER,
  finished_at    INTEGER,
  schedule_id    INTEGER,
  ticket_id      INTEGER REFERENCES tickets(id),
  result         TEXT
);
CREATE INDEX jobs_device_status ON jobs(device_id, status);
CREATE INDEX jobs_run ON jobs(run_id);
CREATE INDEX jobs_status_not_before ON jobs(status, not_before);

CREATE TABLE schedules (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  script_name   TEXT NOT NULL,
  target_kind   TEXT NOT NULL CHECK (target_kind IN ('device', 'group')),
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
