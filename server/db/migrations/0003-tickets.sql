-- Help desk: tickets, their status history (for SLA pending time), replies and notes, and a
-- full record of every change.

CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  subject           TEXT NOT NULL,
  description       TEXT NOT NULL,
  requester_kind    TEXT NOT NULL CHECK (requester_kind IN ('employee', 'user', 'system')),
  requester_name    TEXT NOT NULL,
  requester_user_id INTEGER REFERENCES users(id),
  device_id         TEXT REFERENCES devices(id),
  category          TEXT NOT NULL,
  source            TEXT NOT NULL CHECK (source IN ('employee', 'fault', 'technician', 'api')),
  impact            INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  urgency           INTEGER NOT NULL CHECK (urgency BETWEEN 1 AND 5),
  priority          INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  line              INTEGER NOT NULL CHECK (line IN (1, 2, 3)),
  assignee_id       INTEGER REFERENCES users(id),
  status            TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed')),
  resolution        TEXT,
  fault_key         TEXT,
  snapshot          TEXT,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  first_response_at INTEGER,
  resolved_at       INTEGER,
  closed_at         INTEGER
);
CREATE INDEX tickets_status ON tickets(status);
CREATE INDEX tickets_assignee ON tickets(assignee_id);
CREATE INDEX tickets_device ON tickets(device_id);
-- At most one open ticket per (device, check): repeats of a fault add to it.
CREATE UNIQUE INDEX tickets_open_fault ON tickets(device_id, fault_key)
  WHERE fault_key IS NOT NULL AND status NOT IN ('resolved', 'closed');

-- Each stretch of time a ticket spent in one status; SLA clocks skip the 'pending' ones.
CREATE TABLE ticket_status_intervals (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  status    TEXT NOT NULL,
  from_at   INTEGER NOT NULL,
  to_at     INTEGER
);
CREATE INDEX ticket_status_intervals_ticket ON ticket_status_intervals(ticket_id);

-- Public replies (the requester sees them), internal notes, and events (SLA, escalation).
CREATE TABLE ticket_entries (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  at        INTEGER NOT NULL,
  author    TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('reply', 'note', 'event')),
  body      TEXT NOT NULL
);
CREATE INDEX ticket_entries_ticket ON ticket_entries(ticket_id, at);

-- Every change to a ticket's fields: who, when, from what to what.
CREATE TABLE ticket_history (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id, at);
