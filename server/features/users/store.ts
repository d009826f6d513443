import type { Db } from '../../db/database.js';
import type { Role } from '../../../protocol/api/common.js';

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  line: 1 | 2 | 3 | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

const COLUMNS =
  'id, name, role, support_line AS line, password_hash AS passwordHash, disabled, created_at AS createdAt';

/** A users row as SQLite gives it: the flag is 0 or 1. */
type RawUser = Omit<UserRow, 'disabled'> & { disabled: number };

function toUser(row: RawUser | undefined): UserRow | undefined {
  return row && { ...row, disabled: row.disabled === 1 };
}

export function createUserStore(db: Db, now: () => number = Date.now) {
  const byName = db.prepare(`SELECT ${COLUMNS} FROM users WHERE name = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name`);
  const insert = db.prepare(
    'INSERT INTO users (name, role, support_line, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const setDisabled = db.prepare('UPDATE users SET disabled = ? WHERE id = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  return {
    byName: (name: string) => toUser(byName.get(name) as RawUser | undefined),
    byId: (id: number) => toUser(byId.get(id) as RawUser | undefined),
    all: () => (all.all() as RawUser[]).map((row) => toUser(row)!),
    insert(user: { name: string; role: Role; line: 1 | 2 | 3 | null; passwordHash: string }): number {
      return Number(insert.run(user.name, user.role, user.line, user.passwordHash, now()).lastInsertRowid);
    },
    setDisabled: (id: number, disabled: boolean) => void setDisabled.run(disabled ? 1 : 0, id),
    setPasswordHash: (id: number, passwordHash: string) => void setPassword.run(passwordHash, id),
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
