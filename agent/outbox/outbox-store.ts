// The agent's durable outbox: everything that matters waits here, on disk, until the server has
// acknowledged it. SQLite AUTOINCREMENT gives a sequence number that never repeats, not even
// after restarts or deletions. Bounded by size and age; health samples are dropped first, and
// every drop is counted.
import Database from 'better-sqlite3';
import { privateSqliteFile } from '../../protocol/private-files.node.js';
import type { OutboxMessageType } from '../../protocol/messages/agent-to-server.js';

/** Lower is dropped first when the outbox is over its bounds. */
export const OUTBOX_PRIORITY: Record<OutboxMessageType, number> = {
  'health.batch': 0,
  'inventory.report': 1,
  'fault.cleared': 2,
  'fault.raised': 2,
  'job.result': 2,
  // What a person typed is never dropped for machine data.
  'ticket.rating': 3,
  'help.request': 3,
};

export interface OutboxItem {
  seq: number;
  type: OutboxMessageType;
  body: Record<string, unknown>;
  createdAt: number;
  bytes: number;
}

export interface OutboxEntry {
  type: OutboxMessageType;
  body: Record<string, unknown>;
}

export interface OutboxLimits {
  maxBytes: number;
  maxAgeMs: number;
}

export type OutboxCounters = Record<'droppedHealth' | 'droppedOther' | 'rejected', number>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS items (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  priority INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_priority ON items(priority, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export function openOutbox(file: string, limits: OutboxLimits, now: () => number = Date.now) {
  const db = new Database(privateSqliteFile(file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO items (type, priority, created_at, bytes, body) VALUES (?, ?, ?, ?, ?)');
  const pending = db.prepare(
    'SELECT seq, type, body, created_at AS createdAt, bytes FROM items WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const waitingOfType = db.prepare(
    'SELECT seq, type, body, created_at AS createdAt, bytes FROM items WHERE type = ? ORDER BY seq',
  );
  const remove = db.prepare('DELETE FROM items WHERE seq = ?');
  const totals = db.prepare('SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM items');
  const oldestLeastValuable = db.prepare('SELECT seq, priority FROM items ORDER BY priority, seq LIMIT 1');
  const expired = db.prepare('SELECT seq, priority FROM items WHERE created_at < ?');
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );

  const counter = (name: keyof OutboxCounters) => Number(getMeta.get(`counter.${name}`) ?? 0);
  const bump = (name: keyof OutboxCounters, by = 1) => setMeta.run(`counter.${name}`, String(counter(name) + by));
  const drop = (item: { seq: number; priority: number }) => {
    remove.run(item.seq);
    bump(item.priority === 0 ? 'droppedHealth' : 'droppedOther');
  };

  const enforceBounds = () => {
    for (const item of expired.all(now() - limits.maxAgeMs) as Array<{ seq: number; priority: number }>) drop(item);
    let { bytes } = totals.get() as { bytes: number };
    while (bytes > limits.maxBytes) {
      const victim = oldestLeastValuable.get() as { seq: number; priority: number } | undefined;
      if (!victim) break;
      drop(victim);
      bytes = (totals.get() as { bytes: number }).bytes;
    }
  };

  const enqueueTx = db.transaction((items: ReadonlyArray<OutboxEntry>, meta: Record<string, string>) => {
    const seqs = items.map(({ type, body }) => {
      const json = JSON.stringify(body);
      return Number(insert.run(type, OUTBOX_PRIORITY[type], now(), Buffer.byteLength(json), json).lastInsertRowid);
    });
    for (const [key, value] of Object.entries(meta)) setMeta.run(key, value);
    enforceBounds();
    return seqs;
  });

  return {
    /** Stores an item (and, atomically with it, optional metadata); returns its sequence number. */
    enqueue(type: OutboxMessageType, body: Record<string, unknown>, meta: Record<string, string> = {}): number {
      return enqueueTx([{ type, body }], meta)[0]!;
    },
    /** Stores several items and the metadata that goes with them in one transaction. */
    enqueueAll: (items: ReadonlyArray<OutboxEntry>, meta: Record<string, string> = {}): number[] =>
      enqueueTx(items, meta),
    /** Items of one type still waiting to be acknowledged (for showing what is not yet sent). */
    waiting(type: OutboxMessageType): OutboxItem[] {
      return (waitingOfType.all(type) as Array<Omit<OutboxItem, 'body'> & { body: string }>).map((row) => ({
        ...row,
        body: JSON.parse(row.body) as Record<string, unknown>,
      }));
    },
    /** Items after `afterSeq`, oldest first. */
    pending(afterSeq = 0, limit = 100): OutboxItem[] {
      return (pending.all(afterSeq, limit) as Array<Omit<OutboxItem, 'body'> & { body: string }>).map((row) => ({
        ...row,
        body: JSON.parse(row.body) as Record<string, unknown>,
      }));
    },
    /** Deletes what the server acknowledged. Only ever called for acknowledged sequence numbers. */
    acknowledge: db.transaction((seqs: number[]) => {
      for (const seq of seqs) remove.run(seq);
    }),
    /** The server refused an item for good (it failed its schema): delete it and count it. */
    reject(seq: number): void {
      db.transaction(() => {
        if (remove.run(seq).changes > 0) bump('rejected');
      })();
    },
    stats(): { count: number; bytes: number } & OutboxCounters {
      const { count, bytes } = totals.get() as { count: number; bytes: number };
      return {
        count,
        bytes,
        droppedHealth: counter('droppedHealth'),
        droppedOther: counter('droppedOther'),
        rejected: counter('rejected'),
      };
    },
    getMeta: (key: string) => (getMeta.get(key) as string | undefined) ?? null,
    setMeta: (key: string, value: string) => void setMeta.run(key, value),
    close: () => db.close(),
  };
}
export type Outbox = ReturnType<typeof openOutbox>;
