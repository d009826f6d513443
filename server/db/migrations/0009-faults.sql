-- The fault keys still raised on each fault ticket: a disk check may be failing on several
-- mounts at once, and the ticket recovers only when every one of them has cleared.
CREATE TABLE ticket_faults (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  fault_key TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, fault_key)
) WITHOUT ROWID;

-- Employee tickets are listed per device for the agent.
CREATE INDEX tickets_employee_device ON tickets(device_id, created_at) WHERE requester_kind = 'employee';
