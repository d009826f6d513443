// The script library as the API accepts and serves it.
import { Type, type Static } from 'typebox';
import { PrintableText } from '../messages/common.js';
import { JOB_PARAM_NAME_PATTERN, JobInterpreterSchema } from '../messages/jobs.js';

export const ScriptName = Type.String({ minLength: 1, maxLength: 128, pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'lower case, digits, . _ -' });
export const SCRIPT_PLATFORMS = ['linux', 'windows', 'macos'] as const;
export const ScriptPlatform = Type.Union([Type.Literal('linux'), Type.Literal('windows'), Type.Literal('macos')]);
export type ScriptPlatform = Static<typeof ScriptPlatform>;
export const ScriptParamType = Type.Union([Type.Literal('integer'), Type.Literal('boolean'), Type.Literal('string'), Type.Literal('path')]);

export const ScriptParam = Type.Object(
  {
    name: Type.String({ pattern: JOB_PARAM_NAME_PATTERN }),
    type: ScriptParamType,
    default: Type.Union([Type.String({ maxLength: 4096 }), Type.Null()]),
    description: PrintableText(500),
  },
  { additionalProperties: false },
);
export type ScriptParam = Static<typeof ScriptParam>;

export const ScriptRequest = Type.Object(
  {
    name: ScriptName,
    description: PrintableText(500),
    changes: Type.Optional(PrintableText(1000)),
    interpreter: JobInterpreterSchema,
    body: Type.String({ minLength: 1, description: 'the script text; at most 256 KiB of UTF-8' }),
    params: Type.Optional(Type.Array(ScriptParam, { maxItems: 32 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 24 * 3_600_000 })),
    platforms: Type.Array(ScriptPlatform, { minItems: 1, maxItems: 3, uniqueItems: true }),
    elevation: Type.Optional(Type.Boolean()),
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
  bytes: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Iso,
});
export type ScriptVersionView = Static<typeof ScriptVersionView>;
export const ScriptDetailView = Type.Intersect([ScriptVersionView, Type.Object({ body: Type.String() })]);
export type ScriptDetailView = Static<typeof ScriptDetailView>;
export const ScriptNameParams = Type.Object({ name: ScriptName }, { additionalProperties: false });
