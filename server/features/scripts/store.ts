// Scripts and their versions. A script is a name and a set of platforms (its variant); a version
// is never changed or deleted: jobs point at one.
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

type RawRow = Omit<ScriptVersionRow, 'params' | 'platforms' | 'elevation' | 'concurrent'> & {
  params: string;
  platforms: string;
  elevation: number;
  concurrent: number;
};
const parse = (row: RawRow | undefined): ScriptVersionRow | null =>
  row
    ? {
        ...row,
        params: JSON.parse(row.params) as ScriptParam[],
        platforms: JSON.parse(row.platforms) as string[],
        elevation: row.elevation === 1,
        concurrent: row.concurrent === 1,
      }
    : null;

/** The variant key of a platform set: the same set in any order is the same variant. */
export const variantKey = (platforms: readonly string[]) => JSON.stringify([...platforms].sort());

export function createScriptStore(db: Db) {
  const scriptId = db.prepare('SELECT id FROM scripts WHERE name = ? AND platforms = ?').pluck();
  const insertScript = db.prepare('INSERT INTO scripts (name, platforms, created_by, created_at) VALUES (?, ?, ?, ?)');
  const insertVersion = db.prepare(
    `INSERT INTO script_versions (script_id, version, description, changes, interpreter, body, sha512, params, timeout_ms, platforms, elevation, concurrent, created_by, created_at)
     VALUES (@scriptId, @version, @description, @changes, @interpreter, @body, @sha512, @params, @timeoutMs, @platforms, @elevation, @concurrent, @createdBy, @createdAt)`,
  );
  const NEWEST = 'v.version = (SELECT MAX(version) FROM script_versions WHERE script_id = s.id)';
  const variants = db.prepare(`${SELECT} WHERE s.name = ? AND ${NEWEST} ORDER BY s.platforms`);
  const byVersion = db.prepare(`${SELECT} WHERE s.name = ? AND v.version = ? ORDER BY s.platforms`);
  const byId = db.prepare(`${SELECT} WHERE s.id = ? AND v.version = ?`);
  const latestOf = db.prepare(`${SELECT} WHERE s.id = ? AND ${NEWEST}`);
  const versions = db.prepare(`${SELECT} WHERE s.name = ? ORDER BY v.version, s.platforms`);
  const all = db.prepare(`${SELECT} WHERE ${NEWEST} ORDER BY s.name, s.platforms`);
  const rows = (raw: unknown[]) => (raw as RawRow[]).map((row) => parse(row)!);

  return {
    /** The newest version of each variant of a name (empty when there is no such script). */
    variants: (name: string) => rows(variants.all(name)),
    /** Version N of each variant that has one. */
    version: (name: string, version: number) => rows(byVersion.all(name, version)),
    byId: (id: number, version: number) => parse(byId.get(id, version) as RawRow | undefined),
    latestOf: (id: number) => parse(latestOf.get(id) as RawRow | undefined),
    versions: (name: string) => rows(versions.all(name)),
    list: () => rows(all.all()),
    /** Adds a version of the row's variant (and the variant on its first); returns its number. */
    addVersion(row: Omit<ScriptVersionRow, 'scriptId' | 'version'>): number {
      const key = variantKey(row.platforms);
      let id = scriptId.get(row.name, key) as number | undefined;
      if (id === undefined) id = Number(insertScript.run(row.name, key, row.createdBy, row.createdAt).lastInsertRowid);
      const version = (this.latestOf(id)?.version ?? 0) + 1;
      insertVersion.run({
        ...row,
        scriptId: id,
        version,
        params: JSON.stringify(row.params),
        platforms: JSON.stringify(row.platforms),
        elevation: row.elevation ? 1 : 0,
        concurrent: row.concurrent ? 1 : 0,
      });
      return version;
    },
  };
}
export type ScriptStore = ReturnType<typeof createScriptStore>;
