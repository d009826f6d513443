// The job ids this agent has started, on disk, so a replayed job (the same signed envelope sent
// again) is refused even after a restart. An id is written before its job starts: a crash in
// between loses at most that run, never runs it twice. Ids are kept until well after their
// job expired, when the time window alone refuses a replay.
import Database from 'better-sqlite3';
import { privateSqliteFile } from '../../protocol/private-files.node.js';

const KEEP_AFTER_EXPIRY_MS = 7 * 86_400_000;

export function openRanJobs(file: string, now: () => number = Date.now) {
  const db = new Database(privateSqliteFile(file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS ran_jobs (job_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, started_at INTEGER NOT NULL) WITHOUT ROWID',
  );
  const has = db.prepare('SELECT 1 FROM ran_jobs WHERE job_id = ?').pluck();
  const insert = db.prepare('INSERT OR IGNORE INTO ran_jobs (job_id, expires_at, started_at) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM ran_jobs WHERE expires_at < ?');
  prune.run(now() - KEEP_AFTER_EXPIRY_MS);
  return {
    has: (jobId: string) => has.get(jobId) !== undefined,
    /** False when the id was already recorded (a replay that raced the check). */
    record: (jobId: string, expiresAt: number) => insert.run(jobId, expiresAt, now()).changes > 0,
    close: () => db.close(),
  };
}
export type RanJobs = ReturnType<typeof openRanJobs>;
