// API tokens for the CLI and web console: `hlt_<id>.<secret>`; only the secret's hash is stored.
import type { Db } from '../../db/database.js';
import { hashSecret, newId, newSecret, secretMatches } from '../../security.js';

export function createApiTokenStore(db: Db, now: () => number = Date.now) {
  const insert = db.prepare(
    'INSERT INTO api_tokens (id, user_id, secret_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare(
    'SELECT user_id AS userId, secret_hash AS secretHash, expires_at AS expiresAt, revoked_at AS revokedAt FROM api_tokens WHERE id = ?',
  );
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeForUser = db.prepare(
    'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id != ?',
  );
  const lastTouched = new Map<string, number>();

  return {
    issue(userId: number, label: string, ttlMs: number): { token: string; expiresAt: number } {
      const id = newId('tok', 12).slice(4);
      const secret = newSecret();
      const expiresAt = now() + ttlMs;
      insert.run(id, userId, hashSecret(secret), label, now(), expiresAt);
      return { token: `hlt_${id}.${secret}`, expiresAt };
    },
    /** The user id the token belongs to, or null for a malformed, unknown, expired or revoked token. */
    resolve(token: string): { tokenId: string; userId: number } | null {
      const match = /^hlt_([a-z0-9]{12})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
      if (!match) return null;
      // Both groups are not optional: they are there whenever the token matched.
      const id = match[1]!;
      const secret = match[2]!;
      const row = byId.get(id) as
        { userId: number; secretHash: string; expiresAt: number; revokedAt: number | null } | undefined;
      if (!row || row.revokedAt !== null || row.expiresAt <= now() || !secretMatches(secret, row.secretHash))
        return null;
      // last_used_at is informational; write it at most once a minute per token.
      const last = lastTouched.get(id) ?? 0;
      if (now() - last > 60_000) {
        lastTouched.set(id, now());
        touch.run(now(), id);
      }
      return { tokenId: id, userId: row.userId };
    },
    revoke: (tokenId: string) => void revoke.run(now(), tokenId),
    /** Signs the user out everywhere, except (optionally) the token making the request. */
    revokeAllForUser: (userId: number, exceptTokenId = '') => void revokeForUser.run(now(), userId, exceptTokenId),
  };
}
export type ApiTokenStore = ReturnType<typeof createApiTokenStore>;
