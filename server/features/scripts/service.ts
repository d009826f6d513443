// The script library: adding a script or a changed copy of it makes a new version (an unchanged
// copy is not a new version); every version is kept, and jobs name the one they ran.
import { scriptHash } from '../../../protocol/job-signing.js';
import { stableStringify } from '../../../protocol/stable-json.js';
import type { ScriptRequest, ScriptVersionView } from '../../../protocol/api/scripts.js';
import { MAX_SCRIPT_BYTES } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import { variantKey, type ScriptStore, type ScriptVersionRow } from './store.js';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Script text: line breaks and tabs, no other control characters (they hide what a script does). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function scriptVersionView(row: ScriptVersionRow): ScriptVersionView {
  const { scriptId: _id, body, ...rest } = row;
  return {
    ...rest,
    platforms: rest.platforms as ScriptVersionView['platforms'],
    bytes: Buffer.byteLength(body),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The variant of each script version that runs on a platform (linux, windows, macos). */
export const variantFor = (rows: readonly ScriptVersionRow[], platform: string) =>
  rows.find((row) => row.platforms.includes(platform)) ?? null;

export function createScriptService(deps: { db: Db; scripts: ScriptStore; audit: AuditStore; now: () => number }) {
  const variants = (name: string) => {
    const rows = deps.scripts.variants(name);
    if (rows.length === 0) throw new ApiError('not_found', `no script named ${name}`);
    return rows;
  };
  const describe = (rows: readonly ScriptVersionRow[]) => rows.map((row) => row.platforms.join('+')).join(', ');

  return {
    add(actor: string, request: ScriptRequest): { version: ScriptVersionView; created: boolean } {
      const bytes = Buffer.byteLength(request.body);
      if (bytes > MAX_SCRIPT_BYTES)
        throw new ApiError(
          'payload_too_large',
          `the script is ${Math.ceil(bytes / 1024)} KiB; at most ${MAX_SCRIPT_BYTES / 1024} KiB are allowed`,
        );
      const line = request.body.split('\n').findIndex((text) => CONTROL.test(text));
      if (line >= 0)
        throw new ApiError(
          'validation_failed',
          `the script has a control character on line ${line + 1}; only tabs and line breaks are allowed`,
        );
      const names = new Set<string>();
      for (const param of request.params ?? []) {
        if (names.has(param.name)) throw new ApiError('validation_failed', `parameter ${param.name} is declared twice`);
        names.add(param.name);
      }
      if (request.interpreter === 'cmd' && request.platforms.some((platform) => platform !== 'windows'))
        throw new ApiError('validation_failed', 'cmd scripts run on Windows only; set platforms to windows');
      const key = variantKey(request.platforms);
      const existing = deps.scripts.variants(request.name);
      const current = existing.find((row) => variantKey(row.platforms) === key) ?? null;
      const overlapping = existing.find(
        (row) =>
          row !== current &&
          row.platforms.some((platform) => (request.platforms as readonly string[]).includes(platform)),
      );
      if (overlapping) {
        throw new ApiError(
          'conflict',
          `script ${request.name} already has a variant for ${overlapping.platforms.join(', ')}; each platform may have one variant (this one is for ${request.platforms.join(', ')})`,
        );
      }
      const row = {
        name: request.name,
        description: request.description,
        changes: request.changes ?? '',
        interpreter: request.interpreter,
        body: request.body,
        sha512: scriptHash(request.body),
        params: request.params ?? [],
        timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        platforms: [...request.platforms].sort(),
        elevation: request.elevation ?? false,
        concurrent: request.concurrent ?? false,
        createdBy: actor,
        createdAt: deps.now(),
      };
      const content = (version: object) =>
        stableStringify({ ...version, scriptId: 0, version: 0, createdBy: '', createdAt: 0 });
      if (current && content(current) === content(row)) return { version: scriptVersionView(current), created: false };
      const scriptId = deps.db.transaction(() => {
        const added = deps.scripts.addVersion(row);
        deps.audit.record({
          actor,
          action: 'script.saved',
          target: request.name,
          detail: { version: added, platforms: row.platforms, sha512: row.sha512 },
        });
        return deps.scripts.variants(request.name).find((variant) => variantKey(variant.platforms) === key)!.scriptId;
      })();
      return { version: scriptVersionView(deps.scripts.latestOf(scriptId)!), created: true };
    },
    list: () => deps.scripts.list().map(scriptVersionView),
    /** One version with its text; a name with several variants needs the platform. */
    show(name: string, version?: number, platform?: string) {
      let rows = version === undefined ? variants(name) : deps.scripts.version(name, version);
      if (rows.length === 0) throw new ApiError('not_found', `script ${name} has no version ${version}`);
      if (platform !== undefined) rows = rows.filter((row) => row.platforms.includes(platform));
      if (rows.length === 0) throw new ApiError('not_found', `script ${name} has no variant for ${platform}`);
      if (rows.length > 1)
        throw new ApiError(
          'validation_failed',
          `script ${name} has variants for ${describe(rows)}; say which platform`,
        );
      return { ...scriptVersionView(rows[0]!), body: rows[0]!.body };
    },
    versions: (name: string) => {
      variants(name);
      return deps.scripts.versions(name).map(scriptVersionView);
    },
  };
}
export type ScriptService = ReturnType<typeof createScriptService>;
