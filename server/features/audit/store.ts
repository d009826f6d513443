// Append-only, hash-chained audit log. Each entry's hash covers its content and the previous
// entry's hash, so removing or editing a row breaks the chain (and SQLite triggers refuse both).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';

export interface AuditEntryInput {
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

const GENESIS_HASH = '0'.repeat(64);

function entryHash(prevHash: string, at: number, actor: string, action: string, target: string | null, detail: string) {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, at, actor, action, target, detail]))
    .digest('hex');
}

export function createAuditStore(db: Db, now: () => number = Date.now) {
  const lastHash = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck();
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare(
    `SELECT seq, at, actor, action, target, detail, prev_hash AS prevHash, hash FROM audit_log
     WHERE (@action IS NULL OR substr(action, 1, length(@action)) = @action) ORDER BY seq DESC LIMIT @limit`,
  );
  const all = db.prepare(
    'SELECT seq, at, actor, action, target, detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
  );

  const append = db.transaction((input: AuditEntryInput) => {
    const prevHash = (lastHash.get() as string | undefined) ?? GENESIS_HASH;
    const at = now();
    const target = input.target ?? null;
    const detail = JSON.stringify(input.detail ?? {});
    insert.run(
      at,
      input.actor,
      input.action,
      target,
      detail,
      prevHash,
      entryHash(prevHash, at, input.actor, input.action, target, detail),
    );
  });

  return {
    record(input: AuditEntryInput): void {
      append(input);
    },
    list(options: { action?: string; limit?: number } = {}): AuditEntry[] {
      return list.all({ action: options.action ?? null, limit: options.limit ?? 100 }) as AuditEntry[];
    },
    /** Walks the chain; returns the first broken entry, or null when it is intact. */
    verify(): { ok: true; entries: number } | { ok: false; brokenAt: number } {
      let prev = GENESIS_HASH;
      let count = 0;
      for (const row of all.iterate() as Iterable<AuditEntry>) {
        const expected = entryHash(prev, row.at, row.actor, row.action, row.target, row.detail);
        if (row.prevHash !== prev || row.hash !== expected) return { ok: false, brokenAt: row.seq };
        prev = row.hash;
        count++;
      }
      return { ok: true, entries: count };
    },
  };
}
export type AuditStore = ReturnType<typeof createAuditStore>;
