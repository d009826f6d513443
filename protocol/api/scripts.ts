// The script library as the API accepts and serves it.
import { Type, type Static } from 'typebox';
import { PrintableText } from '../messages/common.js';
import { JobInterpreterSchema } from '../messages/jobs.js';
// The header module owns what a script declares (names, platforms, parameters); the API imports
// it, never the other way round.
import {
  SCRIPT_MAX_TIMEOUT_MS,
  SCRIPT_NAME_MAX_LENGTH,
  SCRIPT_NAME_PATTERN,
  SCRIPT_PLATFORMS,
  ScriptParam,
} from '../script-header.js';

export const ScriptName = Type.String({
  minLength: 1,
  maxLength: SCRIPT_NAME_MAX_LENGTH,
  pattern: SCRIPT_NAME_PATTERN.source,
  description: 'kebab-case: a-z, 0-9 and single dashes',
});
export const ScriptPlatform = Type.Enum(SCRIPT_PLATFORMS);
export type ScriptPlatform = Static<typeof ScriptPlatform>;
export { ScriptParam } from '../script-header.js';

export const ScriptRequest = Type.Object(
  {
    name: ScriptName,
    description: PrintableText(500),
    changes: Type.Optional(PrintableText(1000)),
    interpreter: JobInterpreterSchema,
    body: Type.String({ minLength: 1, description: 'the script text; at most 256 KiB of UTF-8' }),
    params: Type.Optional(Type.Array(ScriptParam, { maxItems: 32 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: SCRIPT_MAX_TIMEOUT_MS })),
    platforms: Type.Array(ScriptPlatform, { minItems: 1, maxItems: 3, uniqueItems: true }),
    elevation: Type.Optional(Type.Boolean()),
    /** May run beside other jobs on the same PC; by default a PC runs one job at a time. */
    concurrent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ScriptRequest = Static<typeof ScriptRequest>;

const Iso = Type.String({ format: 'date-time' });

export const ScriptVersionView = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  description: Type.String(),
  changes: Type.String(),
  interpreter: JobInterpreterSchema,
  sha512: Type.String(),
  params: Type.Array(ScriptParam),
  timeoutMs: Type.Integer(),
  platforms: Type.Array(ScriptPlatform),
  elevation: Type.Boolean(),
  concurrent: Type.Boolean(),
  bytes: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Iso,
});
export type ScriptVersionView = Static<typeof ScriptVersionView>;
export const ScriptDetailView = Type.Intersect([ScriptVersionView, Type.Object({ body: Type.String() })]);
export type ScriptDetailView = Static<typeof ScriptDetailView>;
export const ScriptNameParams = Type.Object({ name: ScriptName }, { additionalProperties: false });

/** Which version (default: the newest) and, for a script with several, which platform's variant. */
export const ScriptShowQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), platform: Type.Optional(ScriptPlatform) },
  { additionalProperties: false },
);
