-- How a request reached the help desk (phone, e-mail, chat, the portal, in person), apart from
-- which part of Helpline opened the ticket (`source`): a technician records a phone call as a
-- ticket with source 'technician' and channel 'phone'. Requests from the agent's tray are the
-- employees' portal. Faults have no channel.
ALTER TABLE tickets ADD COLUMN channel TEXT CHECK (channel IN ('phone', 'email', 'chat', 'portal', 'in_person'));
UPDATE tickets SET channel = 'portal' WHERE source = 'employee';
-- The queue's default order is the most urgent first among the open tickets.
CREATE INDEX tickets_queue ON tickets(status, priority, created_at);
