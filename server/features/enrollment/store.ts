import type { Db } from '../../db/database.js';

export interface EnrollmentTokenRow {
  id: string;
  secretHash: string;
  group: string;
  approval: boolean;
  maxUses: number;
  uses: number;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

const SELECT = `SELECT t.id, t.secret_hash AS secretHash, t.group_name AS "group", t.requires_approval AS approval,
  t.max_uses AS maxUses, t.uses, u.name AS createdBy, t.created_at AS createdAt, t.expires_at AS expiresAt,
  t.revoked_at AS revokedAt FROM enrollment_tokens t JOIN users u ON u.id = t.created_by`;

type RawRow = Omit<EnrollmentTokenRow, 'approval'> & { approval: number };
const toRow = (row: RawRow | undefined): EnrollmentTokenRow | undefined =>
  row && { ...row, approval: row.approval === 1 };

export function createEnrollmentTokenStore(db: Db, now: () => number = Date.now) {
  const insert = db.prepare(
    `INSERT INTO enrollment_tokens (id, secret_hash, group_name, requires_approval, max_uses, created_by, created_at, expires_at)
     VALUES (@id, @secretHash, @group, @approval, @maxUses, @createdBy, @createdAt, @expiresAt)`,
  );
  const ensureGroup = db.prepare('INSERT OR IGNORE INTO device_groups (name, created_at) VALUES (?, ?)');
  const byId = db.prepare(`${SELECT} WHERE t.id = ?`);
  const all = db.prepare(`${SELECT} ORDER BY t.created_at DESC`);
  const revoke = db.prepare('UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const use = db.prepare('UPDATE enrollment_tokens SET uses = uses + 1 WHERE id = ? AND uses < max_uses');

  return {
    insert(token: {
      id: string;
      secretHash: string;
      group: string;
      approval: boolean;
      maxUses: number;
      createdBy: number;
      expiresAt: number;
    }) {
      db.transaction(() => {
        ensureGroup.run(token.group, now());
        insert.run({ ...token, approval: token.approval ? 1 : 0, createdAt: now() });
      })();
    },
    byId: (id: string) => toRow(byId.get(id) as RawRow | undefined),
    all: () => (all.all() as RawRow[]).map((row) => toRow(row)!),
    revoke: (id: string) => revoke.run(now(), id).changes > 0,
    /** Counts one use; false when the token was used up in the meantime. */
    use: (id: string) => use.run(id).changes > 0,
  };
}
export type EnrollmentTokenStore = ReturnType<typeof createEnrollmentTokenStore>;

export function tokenState(token: EnrollmentTokenRow, at: number): 'active' | 'expired' | 'used_up' | 'revoked' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.uses >= token.maxUses) return 'used_up';
  if (token.expiresAt <= at) return 'expired';
  return 'active';
}
