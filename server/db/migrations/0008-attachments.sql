-- Files attached to tickets. The bytes live under <data dir>/attachments/<ticket id>/<id>, never
-- under the uploader's file name; the name is kept here only to be shown and offered on download.

CREATE TABLE ticket_attachments (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'att_*'),
  ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
  name         TEXT NOT NULL,
  -- As the uploader declared it; the server decides what it is served as.
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL CHECK (size > 0),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  uploaded_by  TEXT NOT NULL,
  at           INTEGER NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments(ticket_id, at);
