// Which fault keys are raised on which ticket. No transactions here: the fault service runs
// inside the ingest transaction.
import type { Db } from '../../db/database.js';

export function createFaultStore(db: Db) {
  const raise = db.prepare('INSERT OR IGNORE INTO ticket_faults (ticket_id, fault_key, raised_at) VALUES (?, ?, ?)');
  const clear = db.prepare('DELETE FROM ticket_faults WHERE ticket_id = ? AND fault_key = ?');
  const active = db.prepare('SELECT fault_key FROM ticket_faults WHERE ticket_id = ? ORDER BY fault_key').pluck();
  const clearAll = db.prepare('DELETE FROM ticket_faults WHERE ticket_id = ?');
  // Raised keys of single-item checks (the key is the check id) on open tickets, every device.
  const openSingleItem = db.prepare(
    `SELECT t.device_id AS deviceId, f.fault_key AS faultKey FROM ticket_faults f JOIN tickets t ON t.id = f.ticket_id
     WHERE f.fault_key = t.fault_key AND t.status NOT IN ('resolved', 'closed')`,
  );
  return {
    /** False when the key was already raised on the ticket. */
    raise: (ticketId: number, faultKey: string, at: number) => raise.run(ticketId, faultKey, at).changes > 0,
    /** False when the key was not raised on the ticket. */
    clear: (ticketId: number, faultKey: string) => clear.run(ticketId, faultKey).changes > 0,
    active: (ticketId: number) => active.all(ticketId) as string[],
    clearAll: (ticketId: number) => void clearAll.run(ticketId),
    /** "deviceId checkId" of every raised single-item fault (offline, memory, ...) on an open ticket. */
    openSingleItemFaults: () =>
      new Set(
        (openSingleItem.all() as Array<{ deviceId: string; faultKey: string }>).map(
          (row) => `${row.deviceId} ${row.faultKey}`,
        ),
      ),
  };
}
export type FaultStore = ReturnType<typeof createFaultStore>;
