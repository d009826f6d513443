-- Foundation: technicians, API tokens, enrollment tokens, devices, audit log.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'technician', 'viewer')),
  support_line  INTEGER CHECK (support_line IN (1, 2, 3)),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  secret_hash  TEXT NOT NULL,
  label        TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE device_groups (
  name       TEXT PRIMARY KEY COLLATE NOCASE,
  created_at INTEGER NOT NULL
);
INSERT INTO device_groups (name, created_at) VALUES ('default', 0);

CREATE TABLE enrollment_tokens (
  id                TEXT PRIMARY KEY,
  secret_hash       TEXT NOT NULL,
  group_name        TEXT NOT NULL REFERENCES device_groups(name),
  requires_approval INTEGER NOT NULL DEFAULT 0,
  max_uses          INTEGER NOT NULL,
  uses              INTEGER NOT NULL DEFAULT 0,
  created_by        INTEGER NOT NULL REFERENCES users(id),
  created_at        INTEGER NOT NULL,
  expires_at        INTEGER NOT NULL,
  revoked_at        INTEGER
);

CREATE TABLE devices (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  group_name         TEXT NOT NULL REFERENCES device_groups(name),
  status             TEXT NOT NULL CHECK (status IN ('pending', 'active', 'denied', 'revoked')),
  status_reason      TEXT,
  public_key         TEXT NOT NULL UNIQUE,
  fingerprint        TEXT NOT NULL,
  machine_id         TEXT NOT NULL,
  platform           TEXT NOT NULL,
  os_release         TEXT NOT NULL,
  arch               TEXT NOT NULL,
  agent_version      TEXT NOT NULL,
  enrollment_token   TEXT REFERENCES enrollment_tokens(id),
  enrolled_at        INTEGER NOT NULL,
  last_seen_at       INTEGER,
  last_handshake_ts  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX devices_machine ON devices(machine_id);
CREATE INDEX devices_group ON devices(group_name);

-- Append-only and hash-chained: each row's hash covers its content and the previous hash.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT,
  detail     TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
