// Attachment records, and the ticket facts and history rows that go with them. No transactions
// here: the service wraps each change in one.
import type { Db } from '../../db/database.js';

export interface AttachmentRow {
  id: string;
  ticketId: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  at: number;
}

const SELECT = `SELECT id, ticket_id AS ticketId, name, content_type AS contentType, size, sha256,
  uploaded_by AS uploadedBy, at FROM ticket_attachments`;

export function createAttachmentStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO ticket_attachments (id, ticket_id, name, content_type, size, sha256, uploaded_by, at)
     VALUES (@id, @ticketId, @name, @contentType, @size, @sha256, @uploadedBy, @at)`,
  );
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  const forTicket = db.prepare(`${SELECT} WHERE ticket_id = ? ORDER BY at, rowid`);
  const remove = db.prepare('DELETE FROM ticket_attachments WHERE id = ?');
  const ticketStatus = db.prepare('SELECT status FROM tickets WHERE id = ?').pluck();
  // The tickets feature owns these tables; an attachment is recorded there like any other change.
  const addHistory = db.prepare(
    'INSERT INTO ticket_history (ticket_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const touch = db.prepare('UPDATE tickets SET updated_at = ? WHERE id = ?');

  const changed = (ticketId: number, at: number, actor: string, oldValue: string | null, newValue: string | null) => {
    addHistory.run(ticketId, at, actor, 'attachment', oldValue, newValue);
    touch.run(at, ticketId);
  };

  return {
    /** Records the attachment and an 'attachment' history row (null → name) on its ticket. */
    insert(row: AttachmentRow): void {
      insert.run(row);
      changed(row.ticketId, row.at, row.uploadedBy, null, row.name);
    },
    byId: (id: string) => byId.get(id) as AttachmentRow | undefined,
    forTicket: (ticketId: number) => forTicket.all(ticketId) as AttachmentRow[],
    /** Deletes the record and adds an 'attachment' history row (name → null) on its ticket. */
    remove(row: AttachmentRow, actor: string, at: number): void {
      remove.run(row.id);
      changed(row.ticketId, at, actor, row.name, null);
    },
    /** The ticket's status, or undefined when there is no such ticket. */
    ticketStatus: (ticketId: number) => ticketStatus.get(ticketId) as string | undefined,
  };
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
