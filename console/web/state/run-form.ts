// The run dialog's state: where the script runs (chosen devices, a group or a tag) and its
// arguments, one per declared parameter. What the browser can tell alone (a required parameter
// left empty, a value of the wrong type, no target) is said before sending, in the same terms the
// server uses; the server checks everything again and its message shows next to its field.
import type { RunRequest } from '../../../protocol/api/jobs.js';
import type { ScriptParam } from '../../../protocol/api/scripts.js';
import { isValidParamValue } from '../../../protocol/script-header.js';

export type RunTargetKind = 'devices' | 'group' | 'tag';

export interface RunForm {
  targetKind: RunTargetKind;
  deviceIds: string[];
  group: string;
  tag: string;
  /** As typed; an empty value means "the parameter's default". */
  args: Record<string, string>;
}

export const emptyRunForm = (): RunForm => ({ targetKind: 'devices', deviceIds: [], group: '', tag: '', args: {} });

/** A parameter without a default must be given. */
export const isRequired = (param: ScriptParam): boolean => param.default === null;

export type RunProblem = 'noDevices' | 'noGroup' | 'noTag' | 'required' | 'badValue';
/** `target`, `form`, or `arg:<name>` for one parameter's field. */
export type RunField = 'target' | 'form' | `arg:${string}`;

export function runRequestOf(
  script: string,
  params: readonly ScriptParam[],
  form: RunForm,
): { request: RunRequest } | { problems: Partial<Record<RunField, RunProblem>> } {
  const problems: Partial<Record<RunField, RunProblem>> = {};
  const group = form.group.trim();
  const tag = form.tag.trim();
  if (form.targetKind === 'devices' && form.deviceIds.length === 0) problems.target = 'noDevices';
  if (form.targetKind === 'group' && !group) problems.target = 'noGroup';
  if (form.targetKind === 'tag' && !tag) problems.target = 'noTag';
  const args: Record<string, string> = {};
  for (const param of params) {
    const value = form.args[param.name] ?? '';
    if (value === '') {
      if (isRequired(param)) problems[`arg:${param.name}`] = 'required';
      continue;
    }
    if (!isValidParamValue(param.type, value)) problems[`arg:${param.name}`] = 'badValue';
    else args[param.name] = value;
  }
  if (Object.keys(problems).length > 0) return { problems };
  const target =
    form.targetKind === 'devices' ? { deviceIds: form.deviceIds } : form.targetKind === 'group' ? { group } : { tag };
  return { request: { script, ...target, ...(Object.keys(args).length ? { args } : {}) } };
}

/** Which field a server's refusal is about: a parameter it names, the target, or the form as a whole. */
export function fieldOfRunMessage(message: string, params: readonly ScriptParam[]): RunField {
  const named = /parameter "([a-z][a-z0-9_]*)"/.exec(message)?.[1];
  if (named && params.some((param) => param.name === named)) return `arg:${named}`;
  if (/device|group|tag/i.test(message)) return 'target';
  return 'form';
}

/** Devices whose name, group or platform contains every word typed (case-insensitive). */
export function matchesDeviceSearch(device: { name: string; group: string; platform: string }, query: string): boolean {
  const haystack = `${device.name} ${device.group} ${device.platform}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
