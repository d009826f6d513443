// What every collector returns, and the normalisation that makes its output stable: items that
// fit the protocol schema, deduplicated and sorted, so that the same machine state always gives
// the same list (and the same content hash).
import type { ServiceState, SoftwarePackage, SoftwareSource } from '../../../protocol/messages/inventory-items.js';

export interface Collected<T> {
  items: T[];
  /** One line per source that failed; a missing tool is not a failure. */
  warnings: string[];
}

/** Sorts by `key` (code-unit order, independent of locale) and keeps the first of equal keys. */
export function sortUnique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: T[] = [];
  let previous: string | undefined;
  for (const { item, key: k } of keyed) {
    if (k !== previous) out.push(item);
    previous = k;
  }
  return out;
}

/** Software lists are ordered by name; the other fields only break ties. */
export function sortPackages(items: readonly SoftwarePackage[]): SoftwarePackage[] {
  return sortUnique(items, (p) => [p.name, p.source, p.arch ?? '', p.version].join('\u0000'));
}

/** Service lists are ordered by name, which the OS keeps unique. */
export function sortServices(items: readonly ServiceState[]): ServiceState[] {
  return sortUnique(items, (s) => s.name);
}

/** Trims and caps text at the schema's length; empty becomes null. */
export function textOrNull(value: string | undefined | null, maxLength: number): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, maxLength);
}

/** A package that always satisfies the SoftwarePackage schema, or null when it has no name. */
export function makePackage(fields: {
  name: string | undefined;
  version?: string | undefined | null;
  publisher?: string | undefined | null;
  source: SoftwareSource;
  installedAt?: string | null;
  arch?: string | undefined | null;
}): SoftwarePackage | null {
  const name = textOrNull(fields.name, 300);
  if (name === null) return null;
  return {
    name,
    version: textOrNull(fields.version, 200) ?? '',
    publisher: textOrNull(fields.publisher, 300),
    source: fields.source,
    installedAt: fields.installedAt ?? null,
    arch: textOrNull(fields.arch, 40),
  };
}

/** `2024-03-05T10:20:30Z`: ISO 8601 at second precision, or null for an invalid time. */
export function isoSeconds(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch seconds as printed by rpm (`%{INSTALLTIME}`) to ISO 8601, or null. */
export function isoFromEpochSeconds(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return null;
  return isoSeconds(new Date(Number(text.trim()) * 1000));
}
