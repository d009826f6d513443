-- Inventory (current sections and change history), installed software, health series.

-- Highest outbox sequence number stored per device: items at or below it are duplicates.
CREATE TABLE device_outbox (
  device_id TEXT PRIMARY KEY REFERENCES devices(id),
  last_seq  INTEGER NOT NULL
);

CREATE TABLE inventory_sections (
  device_id  TEXT NOT NULL REFERENCES devices(id),
  section    TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, section)
) WITHOUT ROWID;

CREATE TABLE inventory_changes (
  id        INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id),
  at        INTEGER NOT NULL,
  section   TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'changed')),
  item      TEXT,
  field     TEXT,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX inventory_changes_device ON inventory_changes(device_id, at);

-- Derived from the software section, for "which devices have X".
CREATE TABLE software (
  device_id    TEXT NOT NULL REFERENCES devices(id),
  name         TEXT NOT NULL,
  version      TEXT NOT NULL,
  publisher    TEXT,
  source       TEXT NOT NULL,
  installed_at TEXT,
  arch         TEXT
);
CREATE INDEX software_name ON software(name COLLATE NOCASE);
CREATE INDEX software_device ON software(device_id);

CREATE TABLE health_samples (
  device_id  TEXT NOT NULL REFERENCES devices(id),
  at         INTEGER NOT NULL,
  cpu_pct    REAL,
  mem_pct    REAL,
  swap_pct   REAL,
  temp_c     REAL,
  battery_pct REAL,
  disk_max_pct REAL,
  processes  INTEGER,
  detail     TEXT NOT NULL,
  PRIMARY KEY (device_id, at)
) WITHOUT ROWID;

-- Hourly roll-ups per metric: sum and count, so the average stays exact as samples arrive.
CREATE TABLE health_hourly (
  device_id TEXT NOT NULL REFERENCES devices(id),
  hour      INTEGER NOT NULL,
  metric    TEXT NOT NULL,
  min       REAL NOT NULL,
  max       REAL NOT NULL,
  sum       REAL NOT NULL,
  count     INTEGER NOT NULL,
  PRIMARY KEY (device_id, metric, hour)
) WITHOUT ROWID;
