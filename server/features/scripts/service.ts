// The script library: adding a script or a changed copy of it makes a new version (an unchanged
// copy is not a new version); every version is kept, and jobs name the one they ran.
import { scriptHash } from '../../../protocol/job-signing.js';
import { stableStringify } from '../../../protocol/stable-json.js';
import type { ScriptRequest, ScriptVersionView } from '../../../protocol/api/scripts.js';
import { MAX_SCRIPT_BYTES } from '../../../protocol/messages/jobs.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { ScriptStore, ScriptVersionRow } from './store.js';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Script text: line breaks and tabs, no other control characters (they hide what a script does). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function scriptVersionView(row: ScriptVersionRow): ScriptVersionView {
  const { scriptId: _id, body, ...rest } = row;
  return { ...rest, platforms: rest.platforms as ScriptVersionView['platforms'], bytes: Buffer.byteLength(body), createdAt: new Date(row.createdAt).toISOString() };
}

export function createScriptService(deps: { db: Db; scripts: ScriptStore; audit: AuditStore; now: () => number }) {
  const find = (name: string) => {
    const row = deps.scripts.latest(name);
    if (!row) throw new ApiError('not_found', `no script named ${name}`);
    return row;
  };
  return {
    add(actor: string, request: ScriptRequest): { version: ScriptVersionView; created: boolean } {
      const bytes = Buffer.byteLength(request.body);
      if (bytes > MAX_SCRIPT_BYTES) throw new ApiError('payload_too_large', `the script is ${Math.ceil(bytes / 1024)} KiB; at most ${MAX_SCRIPT_BYTES / 1024} KiB are allowed`);
      const line = request.body.split('\n').findIndex((text) => CONTROL.test(text));
      if (line >= 0) throw new ApiError('validation_failed', `the script has a control character on line ${line + 1}; only tabs and line breaks are allowed`);
      const names = new Set<string>();
      for (const param of request.params ?? []) {
        if (names.has(param.name)) throw new ApiError('validation_failed', `parameter ${param.name} is declared twice`);
        names.add(param.name);
      }
      if (request.interpreter === 'cmd' && request.platforms.some((platform) => platform !== 'windows')) throw new ApiError('validation_failed', 'cmd scripts run on Windows only; set platforms to windows');
      const row = {
        name: request.name,
        description: request.description,
        changes: request.changes ?? '',
        interpreter: request.interpreter,
        body: request.body,
        sha512: scriptHash(request.body),
        params: request.params ?? [],
        timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        platforms: request.platforms,
        elevation: request.elevation ?? false,
        concurrent: request.concurrent ?? false,
        createdBy: actor,
        createdAt: deps.now(),
      };
      const current = deps.scripts.latest(request.name);
      const content = (version: object) => stableStringify({ ...version, scriptId: 0, version: 0, createdBy: '', createdAt: 0 });
      const same = current !== null && content(current) === content(row);
      if (current && same) return { version: scriptVersionView(current), created: false };
      const version = deps.db.transaction(() => {
        const added = deps.scripts.addVersion(row);
        deps.audit.record({ actor, action: 'script.saved', target: request.name, detail: { version: added, sha512: row.sha512 } });
        return added;
      })();
      return { version: scriptVersionView(deps.scripts.version(request.name, version)!), created: true };
    },
    list: () => deps.scripts.list().map(scriptVersionView),
    show: (name: string, version?: number) => {
      const row = version === undefined ? find(name) : deps.scripts.version(name, version);
      if (!row) throw new ApiError('not_found', `script ${name} has no version ${version}`);
      return { ...scriptVersionView(row), body: row.body };
    },
    versions: (name: string) => {
      find(name);
      return deps.scripts.versions(name).map(scriptVersionView);
    },
    find,
  };
}
export type ScriptService = ReturnType<typeof createScriptService>;
