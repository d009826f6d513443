-- Maintenance windows: a device, or every device of a group, is being worked on for a while.
-- Faults raised meanwhile are kept (maintenance_faults) but open no ticket and notify nobody.
-- A window ends by itself at ends_at, or earlier when someone ends it (ended_at, ended_by).
CREATE TABLE maintenance_windows (
  id         INTEGER PRIMARY KEY,
  device_id  TEXT REFERENCES devices(id),
  group_name TEXT REFERENCES device_groups(name),
  reason     TEXT,
  starts_at  INTEGER NOT NULL,
  ends_at    INTEGER NOT NULL,
  started_by TEXT NOT NULL,
  ended_at   INTEGER,
  ended_by   TEXT,
  CHECK ((device_id IS NULL) <> (group_name IS NULL)),
  CHECK (ends_at > starts_at)
);
-- Windows not ended by hand, by target: the fault path asks about one device at a time.
CREATE INDEX maintenance_windows_device ON maintenance_windows(device_id, ends_at) WHERE ended_at IS NULL;
CREATE INDEX maintenance_windows_group ON maintenance_windows(group_name, ends_at) WHERE ended_at IS NULL;

-- Faults raised during a window, one row per (window, device, fault key) however often it was
-- reported; cleared_at is set when the PC reports it recovered.
CREATE TABLE maintenance_faults (
  window_id   INTEGER NOT NULL REFERENCES maintenance_windows(id),
  device_id   TEXT NOT NULL REFERENCES devices(id),
  fault_key   TEXT NOT NULL,
  check_id    TEXT NOT NULL,
  subject     TEXT NOT NULL,
  first_at    INTEGER NOT NULL,
  last_at     INTEGER NOT NULL,
  reports     INTEGER NOT NULL,
  cleared_at  INTEGER,
  PRIMARY KEY (window_id, device_id, fault_key)
) WITHOUT ROWID;
