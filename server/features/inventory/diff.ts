// What changed between two versions of an inventory section, item by item and field by field:
// "memory total 16 GB → 8 GB", "firefox version 128.0 → 129.0", "package X installed".
import type { InventorySectionName } from '../../../protocol/messages/inventory.js';
import { stableStringify } from '../../../protocol/stable-json.js';

export interface InventoryChange {
  section: InventorySectionName;
  kind: 'added' | 'removed' | 'changed';
  /** Which item of a list (a package, a disk, a mount point); null for the section itself. */
  item: string | null;
  /** Which field changed (for kind 'changed'), dotted for nested lists ("modules"). */
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

type Row = Record<string, unknown>;
type KeyOf = (row: Row) => string;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Sections that are lists, and how to tell their items apart. */
const LIST_KEYS: Partial<Record<InventorySectionName, KeyOf>> = {
  disks: (disk) => text(disk.device) || text(disk.name),
  filesystems: (fs) => text(fs.mount),
  network: (nic) => text(nic.iface),
  software: (pkg) =>
    pkg.arch ? `${text(pkg.name)} (${text(pkg.source)}, ${text(pkg.arch)})` : `${text(pkg.name)} (${text(pkg.source)})`,
  services: (service) => text(service.name),
};

/** Lists nested inside object sections. */
const NESTED_LIST_KEYS: Record<string, KeyOf> = {
  modules: (module) => `${text(module.bank) || 'bank ?'} ${text(module.serialNum)}`.trim(),
  controllers: (gpu) => text(gpu.model),
  displays: (display) => `${text(display.vendor)} ${text(display.model)}`.trim(),
  local: (user) => text(user.name),
  loggedIn: (session) => `${text(session.user)}@${text(session.terminal)}`,
};

const show = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : stableStringify(value);

function diffFields(
  section: InventorySectionName,
  item: string | null,
  before: Row,
  after: Row,
  prefix = '',
): InventoryChange[] {
  const changes: InventoryChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[field];
    const next = after[field];
    if (Array.isArray(old) || Array.isArray(next)) {
      const keyOf = NESTED_LIST_KEYS[field];
      if (keyOf) {
        changes.push(...diffList(section, (old ?? []) as Row[], (next ?? []) as Row[], keyOf, `${prefix}${field}`));
        continue;
      }
    }
    if (stableStringify(old) !== stableStringify(next)) {
      changes.push({
        section,
        kind: 'changed',
        item,
        field: `${prefix}${field}`,
        oldValue: show(old),
        newValue: show(next),
      });
    }
  }
  return changes;
}

function diffList(
  section: InventorySectionName,
  before: Row[],
  after: Row[],
  keyOf: KeyOf,
  field: string | null = null,
): InventoryChange[] {
  const oldByKey = new Map(before.map((row) => [keyOf(row), row]));
  const newByKey = new Map(after.map((row) => [keyOf(row), row]));
  const changes: InventoryChange[] = [];
  for (const [key, row] of newByKey) {
    const old = oldByKey.get(key);
    if (!old)
      changes.push({ section, kind: 'added', item: key, field, oldValue: null, newValue: show(row.version ?? null) });
    else changes.push(...diffFields(section, key, old, row, field ? `${field}.` : ''));
  }
  for (const [key, row] of oldByKey) {
    if (!newByKey.has(key))
      changes.push({ section, kind: 'removed', item: key, field, oldValue: show(row.version ?? null), newValue: null });
  }
  return changes;
}

export function diffSection(section: InventorySectionName, before: unknown, after: unknown): InventoryChange[] {
  if (stableStringify(before) === stableStringify(after)) return [];
  const keyOf = LIST_KEYS[section];
  if (keyOf && Array.isArray(before) && Array.isArray(after))
    return diffList(section, before as Row[], after as Row[], keyOf);
  if (before && after && typeof before === 'object' && typeof after === 'object')
    return diffFields(section, null, before as Row, after as Row);
  // A section that appeared or went away as a whole (a battery plugged in or removed).
  return [
    {
      section,
      kind:
        before === null || before === undefined
          ? 'added'
          : after === null || after === undefined
            ? 'removed'
            : 'changed',
      item: null,
      field: null,
      oldValue: show(before),
      newValue: show(after),
    },
  ];
}
