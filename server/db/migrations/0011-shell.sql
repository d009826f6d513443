-- Remote shell sessions: who opened which shell on which PC, for how long, how many bytes each
-- way, and where the recording is.
CREATE TABLE shell_sessions (
  id              TEXT PRIMARY KEY,
  device_id       TEXT NOT NULL REFERENCES devices(id),
  technician      TEXT NOT NULL,
  technician_id   INTEGER NOT NULL REFERENCES users(id),
  ticket_id       INTEGER REFERENCES tickets(id),
  shell           TEXT NOT NULL,
  exec            TEXT,
  started_at      INTEGER NOT NULL,
  ended_at        INTEGER,
  exit_code       INTEGER,
  reason          TEXT,
  bytes_in        INTEGER NOT NULL DEFAULT 0,
  bytes_out       INTEGER NOT NULL DEFAULT 0,
  recording_file  TEXT NOT NULL,
  recording_bytes INTEGER NOT NULL DEFAULT 0,
  truncated       INTEGER NOT NULL DEFAULT 0,
  input_recorded  INTEGER NOT NULL
);
CREATE INDEX shell_sessions_device ON shell_sessions(device_id, started_at);
