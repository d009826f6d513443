// The check editor's fields come from the protocol's own schema of each check kind
// (protocol/messages/checks.ts), so a new setting there shows up here with its type and limits,
// and the editor cannot drift from what the server accepts.
import type { TSchema } from 'typebox';
import {
  CHECK_KINDS,
  CheckDefinition,
  DEFAULT_CHECK_POLICY,
  type CheckKind,
} from '../../../protocol/messages/checks.js';

/**
 * A check as the editor holds it: any settings, typed or not yet valid. The server checks the
 * whole policy against its schema on save (the PUT body is deliberately unknown), so the editor
 * keeps what the person typed and lets the server's message say what is wrong with it.
 */
export type CheckDraft = { readonly kind: CheckKind; readonly id: string } & Readonly<Record<string, unknown>>;

export type FieldKind = 'number' | 'boolean' | 'text';

export interface CheckField {
  name: string;
  kind: FieldKind;
  required: boolean;
  min?: number;
  max?: number;
}

interface ObjectSchema {
  properties: Record<string, TSchema & { type?: string; minimum?: number; maximum?: number; const?: string }>;
  required?: string[];
}

const schemas: readonly ObjectSchema[] = CheckDefinition.anyOf;

function schemaOf(kind: CheckKind): ObjectSchema {
  const found = schemas.find((schema) => schema.properties.kind?.const === kind);
  if (!found) throw new Error(`no schema for check kind ${kind}`);
  return found;
}

/** The settings of one kind of check, in the schema's order, without `kind` itself. */
export function fieldsOf(kind: CheckKind): CheckField[] {
  const schema = schemaOf(kind);
  return Object.entries(schema.properties)
    .filter(([name]) => name !== 'kind')
    .map(([name, property]) => ({
      name,
      kind: property.type === 'number' ? 'number' : property.type === 'boolean' ? 'boolean' : 'text',
      required: schema.required?.includes(name) ?? false,
      ...(property.minimum !== undefined ? { min: property.minimum } : {}),
      ...(property.maximum !== undefined ? { max: property.maximum } : {}),
    }));
}

export { CHECK_KINDS };

/** A new check of a kind: the default policy's values where it has that kind, else blanks. */
export function newCheck(kind: CheckKind, taken: readonly string[]): CheckDraft {
  const model = DEFAULT_CHECK_POLICY.checks.find((check) => check.kind === kind);
  let id = model?.id ?? kind.replace(/_/g, '-');
  for (let n = 2; taken.includes(id); n++) id = `${model?.id ?? kind}-${n}`;
  const blank: Record<string, unknown> = { name: model?.name ?? '', autoResolve: true };
  for (const field of fieldsOf(kind)) {
    if (field.name in blank || !field.required) continue;
    blank[field.name] = field.kind === 'number' ? (field.min ?? 0) : '';
  }
  return { ...blank, ...model, kind, id };
}

/** One setting changed; an emptied optional setting is left out, as the schema wants. */
export function withField(check: CheckDraft, field: CheckField, raw: string | boolean): CheckDraft {
  const { [field.name]: _old, ...rest } = check;
  if (typeof raw !== 'boolean' && raw === '' && !field.required) return { ...rest, kind: check.kind, id: check.id };
  // A number field left empty stays empty (null), so the server says it is missing a number.
  const value = typeof raw === 'boolean' || field.kind !== 'number' ? raw : raw === '' ? null : Number(raw);
  return { ...check, [field.name]: value };
}

/**
 * Where a server's refusal points: "/checks/2/thresholdPct must be ..." (the schema's words) or
 * 'check "disk": recoverBelowPct ...' (the rules a schema cannot say), so the message shows on
 * that check's card.
 */
export function checkOfServerMessage(message: string, checks: readonly CheckDraft[]): number | null {
  const byPath = /\/checks\/(\d+)/.exec(message);
  if (byPath) return Number(byPath[1]);
  const byId = /check (?:id )?"([^"]+)"/.exec(message);
  if (byId) {
    const index = checks.findIndex((check) => check.id === byId[1]);
    return index >= 0 ? index : null;
  }
  return null;
}

/** A check's settings in one short line for the read-only table, e.g. "thresholdPct 90 · mount /data". */
export function settingValues(check: CheckDraft): Array<[string, string]> {
  return fieldsOf(check.kind)
    .filter((field) => !COMMON_FIELDS.includes(field.name))
    .flatMap((field): Array<[string, string]> => {
      const value = check[field.name];
      const text = settingText(value);
      return text === '' ? [] : [[field.name, text]];
    });
}

/** The settings every kind has, shown in their own columns rather than among the settings. */
export const COMMON_FIELDS: readonly string[] = ['id', 'name', 'autoResolve', 'remediationScript'];

/** A setting's value as text for a field or a table cell ('' for none or for anything not a plain value). */
export function settingText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
