// Opens the SQLite database in WAL mode and applies numbered migrations.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { privateSqliteFile } from '../../protocol/private-files.node.js';

export type Db = Database.Database;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function openDatabase(file: string): Db {
  // An in-memory database (tests) has no file to protect.
  const db = new Database(file === ':memory:' ? file : privateSqliteFile(file));
  db.pragma('journal_mode = WAL');
  // FULL: audit, tickets and jobs must survive a power cut; batching keeps this affordable.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies every migrations/NNNN-name.sql newer than the schema's user_version, in order. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}-[\w-]+\.sql$/.test(name))
    .sort();
  for (const name of files) {
    const version = Number(name.slice(0, 4));
    if (version <= current) continue;
    const sql = readFileSync(MIGRATIONS_DIR + name, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
