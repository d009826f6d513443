// Scripts and their versions. A version is never changed or deleted: jobs point at one.
import type { ScriptParam } from '../../../protocol/api/scripts.js';
import type { JobInterpreter } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';

export interface ScriptVersionRow {
  scriptId: number;
  name: string;
  version: number;
  description: string;
  changes: string;
  interpreter: JobInterpreter;
  body: string;
  sha512: string;
  params: ScriptParam[];
  timeoutMs: number;
  platforms: string[];
  elevation: boolean;
  concurrent: boolean;
  createdBy: string;
  createdAt: number;
}

const SELECT = `SELECT s.id AS scriptId, s.name, v.version, v.description, v.changes, v.interpreter, v.body, v.sha512, v.params,
  v.timeout_ms AS timeoutMs, v.platforms, v.elevation, v.concurrent, v.created_by AS createdBy, v.created_at AS createdAt
  FROM script_versions v JOIN scripts s ON s.id = v.script_id`;

type RawRow = Omit<ScriptVersionRow, 'params' | 'platforms' | 'elevation' | 'concurrent'> & { params: string; platforms: string; elevation: number; concurrent: number };
const parse = (row: RawRow | undefined): ScriptVersionRow | null =>
  row ? { ...row, params: JSON.parse(row.params) as ScriptParam[], platforms: JSON.parse(row.platforms) as string[], elevation: row.elevation === 1, concurrent: row.concurrent === 1 } : null;

export function createScriptStore(db: Db) {
  const scriptId = db.prepare('SELECT id FROM scripts WHERE name = ?').pluck();
  const insertScript = db.prepare('INSERT INTO scripts (name, created_by, created_at) VALUES (?, ?, ?)');
  const insertVersion = db.prepare(
    `INSERT INTO script_versions (script_id, version, description, changes, interpreter, body, sha512, params, timeout_ms, platforms, elevation, concurrent, created_by, created_at)
     VALUES (@scriptId, @version, @description, @changes, @interpreter, @body, @sha512, @params, @timeoutMs, @platforms, @elevation, @concurrent, @createdBy, @createdAt)`,
  );
  const latest = db.prepare(`${SELECT} WHERE s.name = ? ORDER BY v.version DESC LIMIT 1`);
  const byVersion = db.prepare(`${SELECT} WHERE s.name = ? AND v.version = ?`);
  const byId = db.prepare(`${SELECT} WHERE s.id = ? AND v.version = ?`);
  const versions = db.prepare(`${SELECT} WHERE s.name = ? ORDER BY v.version`);
  const latestVersion = db.prepare('SELECT MAX(version) FROM script_versions WHERE script_id = ?').pluck();
  const all = db.prepare(`${SELECT} WHERE v.version = (SELECT MAX(version) FROM script_versions WHERE script_id = s.id) ORDER BY s.name`);

  return {
    latest: (name: string) => parse(latest.get(name) as RawRow | undefined),
    version: (name: string, version: number) => parse(byVersion.get(name, version) as RawRow | undefined),
    byId: (id: number, version: number) => parse(byId.get(id, version) as RawRow | undefined),
    latestVersionOf: (scriptId: number) => (latestVersion.get(scriptId) as number | null) ?? 0,
    versions: (name: string) => (versions.all(name) as RawRow[]).map((row) => parse(row)!),
    list: () => (all.all() as RawRow[]).map((row) => parse(row)!),
    /** Adds a version (and the script on its first one); returns the new version number. */
    addVersion(row: Omit<ScriptVersionRow, 'scriptId' | 'version'>): number {
      let id = scriptId.get(row.name) as number | undefined;
      if (id === undefined) id = Number(insertScript.run(row.name, row.createdBy, row.createdAt).lastInsertRowid);
      const version = (this.latest(row.name)?.version ?? 0) + 1;
      insertVersion.run({ ...row, scriptId: id, version, params: JSON.stringify(row.params), platforms: JSON.stringify(row.platforms), elevation: row.elevation ? 1 : 0, concurrent: row.concurrent ? 1 : 0 });
      return version;
    },
  };
}
export type ScriptStore = ReturnType<typeof createScriptStore>;
