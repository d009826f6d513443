-- Settings changed by admins at run time (SLA policy, priority matrix, escalation rules), and
-- the SLA events already recorded on each ticket, so that each is recorded once.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE ticket_sla_events (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  type      TEXT NOT NULL CHECK (type IN ('sla.warning', 'sla.breach')),
  kind      TEXT NOT NULL CHECK (kind IN ('first_response', 'resolution')),
  at        INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, type, kind)
) WITHOUT ROWID;
