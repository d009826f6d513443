// Recordings are kept for a configured number of days; then the file and its record go.
import { rmSync } from 'node:fs';
import type { ShellSessionStore } from './store.js';

/** Deletes ended sessions that started before `before`; returns how many. */
export function pruneRecordings(sessions: ShellSessionStore, before: number): number {
  const expired = sessions.expired(before);
  for (const session of expired) {
    rmSync(session.recordingFile, { force: true });
    sessions.remove(session.id);
  }
  return expired.length;
}
