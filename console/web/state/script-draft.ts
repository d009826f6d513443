// A script an administrator pastes or opens in the browser, read the way `helpline scripts add`
// reads a file with a header: the header (# helpline-script: …) says its name, platforms,
// interpreter, time limit, elevation and parameters, so the browser needs no other fields. The
// header's own parser (shared with the server, the CLI and the agent) says what is wrong with it.
import type { ScriptRequest } from '../../../protocol/api/scripts.js';
import { MAX_SCRIPT_BYTES } from '../../../protocol/messages/jobs.js';
import { parseScriptHeader } from '../../../protocol/script-header.js';

export type ScriptDraft =
  | { kind: 'empty' }
  | { kind: 'ok'; request: ScriptRequest }
  /** `noHeader`: no header at all; `tooBig`: over the size a job can carry; `header`: the parser's words. */
  | { kind: 'problem'; problem: 'noHeader' | 'tooBig' | 'header'; message: string };

export function readScriptDraft(text: string): ScriptDraft {
  if (text.trim() === '') return { kind: 'empty' };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SCRIPT_BYTES) return { kind: 'problem', problem: 'tooBig', message: `${bytes}` };
  const parsed = parseScriptHeader(text);
  if (!parsed.ok) {
    const problem = parsed.error === 'no helpline-script header' ? 'noHeader' : 'header';
    return { kind: 'problem', problem, message: parsed.error };
  }
  const { header } = parsed;
  return {
    kind: 'ok',
    request: {
      name: header.name,
      description: header.description,
      changes: header.changes,
      interpreter: header.interpreter,
      body: text,
      params: header.params,
      timeoutMs: header.timeoutMs,
      platforms: header.platforms,
      elevation: header.elevation,
    },
  };
}
