-- Notifications: technicians' e-mail addresses, subscriptions, and a durable delivery queue.

ALTER TABLE users ADD COLUMN email TEXT;

-- A subscription matches ticket events by kind, and optionally by device group, support line and
-- "assigned to the subscriber". With user_id it is a person's; without, a team's (its own target).
CREATE TABLE notification_subscriptions (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER REFERENCES users(id),
  kinds         TEXT NOT NULL,                 -- JSON array of event kinds
  device_group  TEXT COLLATE NOCASE,           -- NULL: any group
  support_line  INTEGER CHECK (support_line IN (1, 2, 3)),  -- NULL: any line
  assigned_only INTEGER NOT NULL DEFAULT 0,
  channel       TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  target        TEXT,                          -- NULL: the subscriber's own e-mail address
  enabled       INTEGER NOT NULL DEFAULT 1,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  CHECK (target IS NOT NULL OR (user_id IS NOT NULL AND channel = 'email')),
  CHECK (assigned_only = 0 OR user_id IS NOT NULL)
);
CREATE INDEX notification_subscriptions_user ON notification_subscriptions(user_id);

-- One row per message to send. Channel and target are resolved when queued, so a later change of
-- address or a deleted subscription does not alter what is already on its way.
CREATE TABLE notification_deliveries (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER REFERENCES notification_subscriptions(id) ON DELETE SET NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  target          TEXT NOT NULL,
  event           TEXT NOT NULL,               -- the TicketEvent, JSON
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX notification_deliveries_due ON notification_deliveries(status, next_attempt_at);
