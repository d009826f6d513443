// One way to resolve configuration for every program: flag > environment (HELPLINE_*) > file >
// schema default, validated once. Pure: callers read files and pass process.env themselves.
import { Type, type TObject } from 'typebox';
import { Value } from 'typebox/value';

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; errors: string[] };

/** `heartbeatIntervalMs` → `HELPLINE_HEARTBEAT_INTERVAL_MS`. */
export function envNameFor(key: string): string {
  return 'HELPLINE_' + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function resolveConfig<T>(
  schema: TObject,
  layers: { file?: Record<string, unknown>; env?: Record<string, string | undefined>; flags?: Record<string, unknown> },
): ConfigResult<T> {
  const fromEnv: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = layers.env?.[envNameFor(key)];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const fromFlags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layers.flags ?? {})) if (value !== undefined) fromFlags[key] = value;
  const merged = { ...(layers.file ?? {}), ...fromEnv, ...fromFlags };
  const candidate = Value.Default(schema, Value.Convert(schema, merged));
  if (Value.Check(schema, candidate)) return { ok: true, config: candidate };
  const errors: string[] = [];
  for (const error of Value.Errors(schema, candidate)) {
    if (error.message === 'schema is false') continue;
    const key = error.instancePath ? error.instancePath.slice(1) : 'config';
    // A union of literals (log levels) fails once per literal; say it once, with the choices.
    const property = schema.properties[key];
    const literals = property && Type.IsUnion(property) && property.anyOf.every(Type.IsLiteral) ? property.anyOf : null;
    const line = literals
      ? `${key}: must be one of ${literals.map((option) => option.const).join(', ')}`
      : `${key}: ${error.message}`;
    if (!errors.includes(line)) errors.push(line);
  }
  return { ok: false, errors };
}

/** Log levels of pino, for every program's config. */
export const LogLevel = Type.Union(
  [
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent'),
  ],
  { default: 'info' },
);

/** resolveConfig, throwing one error that lists every problem; `what` names the program. */
export function resolveConfigOrThrow<T>(schema: TObject, what: string, layers: Parameters<typeof resolveConfig>[1]): T {
  const result = resolveConfig<T>(schema, layers);
  if (!result.ok) throw new Error(`invalid ${what} configuration:\n  ${result.errors.join('\n  ')}`);
  return result.config;
}

/** Parses a config file's text; `path` only names it in the error. */
export function parseConfigFile(text: string | null, path: string): Record<string, unknown> {
  if (text === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${path} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}
