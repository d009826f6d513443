// Each device's highest stored outbox sequence number: what makes a redelivered item a duplicate.
import type { Db } from '../db/database.js';

export function createOutboxStore(db: Db) {
  const lastSeq = db.prepare('SELECT last_seq FROM device_outbox WHERE device_id = ?').pluck();
  const setLastSeq = db.prepare(
    `INSERT INTO device_outbox (device_id, last_seq) VALUES (?, ?)
     ON CONFLICT(device_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );
  return {
    /** 0 when the device never sent anything. */
    lastSeq: (deviceId: string) => (lastSeq.get(deviceId) as number | undefined) ?? 0,
    setLastSeq: (deviceId: string, seq: number) => void setLastSeq.run(deviceId, seq),
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
