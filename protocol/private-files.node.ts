// Node-only (it touches the file system): the server and the agent keep their SQLite databases
// readable by their own account only, as they do their private keys. SQLite gives a database's
// -wal and -shm files the database file's own permissions when it creates them, so a database
// made 0600 before it is opened keeps its journal 0600 too; files left 0644 by an older version
// are tightened when opened.
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

const PRIVATE = 0o600;
const SQLITE_COMPANIONS = ['', '-wal', '-shm'];

/** Makes `file` (creating it empty when absent) and its SQLite companions 0600; call before opening it. */
export function privateSqliteFile(file: string): string {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE));
  for (const suffix of SQLITE_COMPANIONS) if (existsSync(file + suffix)) chmodSync(file + suffix, PRIVATE);
  return file;
}
