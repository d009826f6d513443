// The header of a maintenance script: the first comment block of the file, `# key: value` lines
// that say what the script does, what it changes, how to run it and which parameters it takes.
// Shared by the server (which shows and signs jobs), the agent (which runs them) and the CLI, so it
// must stay free of Node-only modules.
//
//   # helpline-script: clean-temp
//   # description: Deletes temporary files and caches older than N days.
//   # changes: Deletes files under /tmp, /var/tmp and users' ~/.cache older than `days` days.
//   # interpreter: sh
//   # platforms: linux
//   # timeout: 10m
//   # elevation: required
//   # param: days integer default=7 Delete files older than this many days (1-3650).
//
// Parameters reach a script only as environment variables (see scriptParamEnvName), never pasted
// into its text.
import { Type, type Static } from 'typebox';
import { formatDuration, parseDuration } from './duration.js';
import { PrintableText } from './messages/common.js';

export const SCRIPT_INTERPRETERS = ['sh', 'bash', 'powershell', 'cmd', 'python', 'node'] as const;
export type ScriptInterpreter = (typeof SCRIPT_INTERPRETERS)[number];

export const SCRIPT_PLATFORMS = ['linux', 'windows', 'macos'] as const;
export type ScriptPlatform = (typeof SCRIPT_PLATFORMS)[number];

export const SCRIPT_PARAM_TYPES = ['integer', 'boolean', 'string', 'path'] as const;
export type ScriptParamType = (typeof SCRIPT_PARAM_TYPES)[number];

/** Parameter names; the environment variable is HELPLINE_PARAM_ + the name upper-cased. */
export const SCRIPT_PARAM_NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** Script names: kebab-case, shared by the versions of one script for different systems. */
export const SCRIPT_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SCRIPT_NAME_MAX_LENGTH = 64;
/** A job running longer than a day is a hung job. */
export const SCRIPT_MAX_TIMEOUT_MS = 86_400_000;
/** Prefix of the environment variables that carry parameters. */
export const SCRIPT_PARAM_ENV_PREFIX = 'HELPLINE_PARAM_';

/** A parameter as a header declares it and the API carries it (the API's script schemas build on it). */
export const ScriptParamType = Type.Enum(SCRIPT_PARAM_TYPES);
export const ScriptParam = Type.Object(
  {
    name: Type.String({ pattern: SCRIPT_PARAM_NAME_PATTERN.source }),
    type: ScriptParamType,
    default: Type.Union([Type.String({ maxLength: 4096 }), Type.Null()]),
    description: PrintableText(500),
  },
  { additionalProperties: false },
);
export type ScriptParam = Static<typeof ScriptParam>;

export interface ScriptHeader {
  name: string;
  description: string;
  changes: string;
  interpreter: ScriptInterpreter;
  platforms: ScriptPlatform[];
  timeoutMs: number;
  /** true: must run as root / Administrator. */
  elevation: boolean;
  params: ScriptParam[];
}

export type ScriptHeaderResult = { ok: true; header: ScriptHeader } | { ok: false; error: string };

/** The environment variable a parameter is passed in: `days` → HELPLINE_PARAM_DAYS. */
export function scriptParamEnvName(name: string): string {
  return SCRIPT_PARAM_ENV_PREFIX + name.toUpperCase();
}

/** Whether `value` is acceptable for a parameter of this type (the script checks ranges itself). */
export function isValidParamValue(type: ScriptParamType, value: string): boolean {
  // No parameter may carry NUL (cannot be in an environment variable) or a line break.
  if (/[\0\r\n]/.test(value)) return false;
  switch (type) {
    case 'integer':
      return /^-?[0-9]{1,15}$/.test(value);
    case 'boolean':
      return value === '0' || value === '1';
    case 'string':
    case 'path':
      return true;
  }
}

// Keys in the order they must appear; `helpline-script` opens the header, `param` may repeat.
const KEYS = [
  'helpline-script',
  'description',
  'changes',
  'interpreter',
  'platforms',
  'timeout',
  'elevation',
  'param',
] as const;
type Key = (typeof KEYS)[number];
const REQUIRED: readonly Key[] = [
  'helpline-script',
  'description',
  'changes',
  'interpreter',
  'platforms',
  'timeout',
  'elevation',
];

const oneOf = (list: readonly string[]) => list.join(', ');

/**
 * Parses the header of a maintenance script. The header is the first comment block: after an
 * optional `#!` line and blank lines, it starts with `# helpline-script: <name>` and runs until
 * the first line that does not start with `# ` (a bare `#`, a blank line or code ends it).
 */
export function parseScriptHeader(text: string): ScriptHeaderResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let index = 0;
  if (lines[0]?.startsWith('#!')) index = 1;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  if (!/^# helpline-script:/.test(lines[index] ?? '')) return { ok: false, error: 'no helpline-script header' };

  const seen = new Map<Key, string>();
  const params: ScriptParam[] = [];
  let lastKeyIndex = -1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.startsWith('# ')) break;
    const at = `line ${index + 1}`;
    const match = /^# ([a-z][a-z-]*): ?(.*)$/.exec(line);
    if (!match)
      return { ok: false, error: `${at}: expected "# key: value" in the header, got ${JSON.stringify(line)}` };
    const key = match[1]! as Key;
    const value = match[2]!.trim();
    const keyIndex = KEYS.indexOf(key);
    if (keyIndex < 0) return { ok: false, error: `${at}: unknown header key "${match[1]}"; use one of ${oneOf(KEYS)}` };
    if (key !== 'param' && seen.has(key)) return { ok: false, error: `${at}: "${key}" given twice` };
    if (keyIndex < lastKeyIndex)
      return { ok: false, error: `${at}: "${key}" must come before "${KEYS[lastKeyIndex]}" (order: ${oneOf(KEYS)})` };
    lastKeyIndex = keyIndex;
    if (value === '') return { ok: false, error: `${at}: "${key}" has no value` };

    const problem = key === 'param' ? parseParam(value, params) : checkValue(key, value);
    if (problem) return { ok: false, error: `${at}: ${problem}` };
    if (key !== 'param') seen.set(key, value);
  }

  const missing = REQUIRED.filter((key) => !seen.has(key));
  if (missing.length > 0)
    return {
      ok: false,
      error: `header ends at line ${index + 1} without ${missing.map((key) => `"${key}"`).join(', ')}`,
    };

  return {
    ok: true,
    header: {
      name: seen.get('helpline-script')!,
      description: seen.get('description')!,
      changes: seen.get('changes')!,
      interpreter: seen.get('interpreter')! as ScriptInterpreter,
      platforms: seen
        .get('platforms')!
        .split(',')
        .map((platform) => platform.trim() as ScriptPlatform),
      timeoutMs: parseDuration(seen.get('timeout')!)!,
      elevation: seen.get('elevation') === 'required',
      params,
    },
  };
}

/** Checks the value of a single-valued key; returns what is wrong, or null. */
function checkValue(key: Exclude<Key, 'param'>, value: string): string | null {
  switch (key) {
    case 'helpline-script':
      if (!SCRIPT_NAME_PATTERN.test(value) || value.length > SCRIPT_NAME_MAX_LENGTH)
        return `script name ${JSON.stringify(value)} must be kebab-case (a-z, 0-9 and single dashes), at most ${SCRIPT_NAME_MAX_LENGTH} characters`;
      return null;
    case 'description':
    case 'changes':
      return null;
    case 'interpreter':
      return (SCRIPT_INTERPRETERS as readonly string[]).includes(value)
        ? null
        : `unknown interpreter ${JSON.stringify(value)}; use one of ${oneOf(SCRIPT_INTERPRETERS)}`;
    case 'platforms': {
      const platforms = value.split(',').map((platform) => platform.trim());
      for (const platform of platforms) {
        if (!(SCRIPT_PLATFORMS as readonly string[]).includes(platform))
          return `unknown platform ${JSON.stringify(platform)}; use one or more of ${oneOf(SCRIPT_PLATFORMS)}, separated by commas`;
      }
      if (new Set(platforms).size !== platforms.length)
        return `platforms ${JSON.stringify(value)} names a platform twice`;
      return null;
    }
    case 'timeout': {
      const ms = parseDuration(value);
      if (ms === null) return `timeout ${JSON.stringify(value)} is not a duration like 30s, 10m or 1h`;
      if (ms > SCRIPT_MAX_TIMEOUT_MS)
        return `timeout ${JSON.stringify(value)} is longer than ${formatDuration(SCRIPT_MAX_TIMEOUT_MS)}`;
      return null;
    }
    case 'elevation':
      return value === 'required' || value === 'none'
        ? null
        : `elevation ${JSON.stringify(value)} must be "required" or "none"`;
  }
}

/** `<name> <type> [default=<value>] <description>`; adds the parameter to `params` or says what is wrong. */
function parseParam(value: string, params: ScriptParam[]): string | null {
  const match = /^(\S+)\s+(\S+)(?:\s+default=(\S*))?(?:\s+(.*))?$/.exec(value);
  if (!match) return `param must read "<name> <type> [default=<value>] <description>", got ${JSON.stringify(value)}`;
  // The first two groups are not optional: they are there whenever the line matched.
  const name = match[1]!;
  const type = match[2]!;
  const [, , , defaultValue, description] = match;
  if (!SCRIPT_PARAM_NAME_PATTERN.test(name))
    return `param name ${JSON.stringify(name)} must match ${SCRIPT_PARAM_NAME_PATTERN.source}`;
  if (!(SCRIPT_PARAM_TYPES as readonly string[]).includes(type))
    return `param "${name}": unknown type ${JSON.stringify(type)}; use one of ${oneOf(SCRIPT_PARAM_TYPES)}`;
  if (params.some((param) => param.name === name)) return `param "${name}" declared twice`;
  if (defaultValue !== undefined && !isValidParamValue(type as ScriptParamType, defaultValue)) {
    const expected = type === 'boolean' ? '0 or 1' : 'a whole number';
    return `param "${name}": default ${JSON.stringify(defaultValue)} is not a valid ${type} (expected ${expected})`;
  }
  if (!description?.trim()) return `param "${name}" has no description`;
  params.push({ name, type: type as ScriptParamType, default: defaultValue ?? null, description: description.trim() });
  return null;
}
