// The server's and the agent's SQLite databases, with their WAL and shared-memory files, are
// readable by their own account only (0600), as the private keys are; a database left 0644 by an
// older version is tightened when it is opened again.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutbox } from '../../agent/outbox/outbox-store.js';
import { OUTBOX_FILE } from '../../agent/work.js';
import { openDatabase } from '../../server/db/database.js';
import { DATABASE_FILE } from '../../server/data-dir.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;
const companions = (file: string) => [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path));

describe('private databases', () => {
  let server: TestServer | undefined;
  let agent: TestAgent | undefined;
  const dirs: string[] = [];
  afterAll(async () => {
    await agent?.cleanup();
    await server?.cleanup();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a running server's and agent's databases and their journals 0600", async () => {
    server = await startTestServer();
    agent = await enrollTestAgent(server);
    await agent.waitFor('online');
    const serverDb = join(server.dataDir, DATABASE_FILE);
    const outbox = join(agent.stateDir, OUTBOX_FILE);
    await eventually(() => existsSync(`${outbox}-wal`) && existsSync(`${serverDb}-wal`), 10_000, 'the journals');
    const files = [...companions(serverDb), ...companions(outbox)];
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.map((file) => [file, modeOf(file)])).toEqual(files.map((file) => [file, 0o600]));
  });

  it('tightens a database an older version left readable by everyone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpline-private-db-'));
    dirs.push(dir);
    const old = join(dir, 'outbox.db');
    const legacy = new Database(old);
    legacy.pragma('journal_mode = WAL');
    legacy.exec('CREATE TABLE t (x)');
    legacy.close();
    chmodSync(old, 0o644);
    writeFileSync(`${old}-wal`, '');
    chmodSync(`${old}-wal`, 0o644);
    const outbox = openOutbox(old, { maxBytes: 1_000_000, maxAgeMs: 86_400_000 });
    expect(companions(old).map(modeOf)).toEqual(companions(old).map(() => 0o600));
    outbox.close();

    const fresh = join(dir, 'server.db');
    const db = openDatabase(fresh);
    db.exec('CREATE TABLE IF NOT EXISTS probe (x)');
    db.prepare('INSERT INTO probe VALUES (1)').run();
    expect(companions(fresh).map(modeOf)).toEqual(companions(fresh).map(() => 0o600));
    db.close();
  });
});
