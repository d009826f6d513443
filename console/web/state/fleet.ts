// The fleet table's search and sort, done in the browser: the whole fleet is loaded once, so a
// keystroke only filters an array (each row's searchable text is built once per list and
// language, not per keystroke). Installed software is the one thing searched on the server
// (state/software-search.ts): its result is a set of device ids applied on top.
import type { DeviceView } from '../../../protocol/api/devices.js';
import type { FleetColumn, FleetRow } from '../../../protocol/api/fleet.js';
import { onlineLabel, statusLabel } from '../i18n/labels.js';

export type SortKey = 'name' | FleetColumn;
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const OS_NAMES: Record<string, string> = { linux: 'Linux', win32: 'Windows', darwin: 'macOS' };

export function osLabel(device: Pick<DeviceView, 'platform' | 'osRelease'>): string {
  const name = OS_NAMES[device.platform] ?? device.platform;
  return device.osRelease ? `${name} ${device.osRelease}` : name;
}

/** The OS as the fleet shows it: the inventory's name (e.g. "Ubuntu 24.04") when known. */
export const fleetOsLabel = (row: FleetRow) => row.osName ?? osLabel(row.device);

export interface IndexedRow {
  row: FleetRow;
  /** Lower-case text the search box matches against. */
  text: string;
}

/** Built once per list and language: the status words are matched in the language shown. */
export function indexRows(rows: readonly FleetRow[]): IndexedRow[] {
  return rows.map((row) => ({
    row,
    text: [
      row.device.name,
      row.device.group,
      ...row.tags,
      row.device.status,
      statusLabel(row.device.status),
      onlineLabel(row.device.online),
      fleetOsLabel(row),
      osLabel(row.device),
      row.device.agentVersion,
      row.device.id,
    ]
      .join('\n')
      .toLowerCase(),
  }));
}

/** Rows whose text contains every word of the query and, when given, whose device is in `only`. */
export function filterRows(
  index: readonly IndexedRow[],
  query: string,
  only: ReadonlySet<string> | null = null,
): IndexedRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !only) return index.slice();
  return index.filter(
    (entry) => (!only || only.has(entry.row.device.id)) && words.every((word) => entry.text.includes(word)),
  );
}

/** Sorts in place, stable: ties keep the name order. */
export function sortRows(entries: IndexedRow[], sort: Sort, collator: Intl.Collator): IndexedRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = comparator(sort.key, collator);
  return entries.sort((a, b) => sign * compare(a.row, b.row) || collator.compare(a.row.device.name, b.row.device.name));
}

// Empty values (no sample yet) sort after every number, whichever the direction's sign.
const byNumber = (get: (row: FleetRow) => number | null) => (a: FleetRow, b: FleetRow) =>
  (get(a) ?? -1) - (get(b) ?? -1);

function comparator(key: SortKey, collator: Intl.Collator): (a: FleetRow, b: FleetRow) => number {
  switch (key) {
    case 'name':
    case 'group':
    case 'agentVersion':
      return (a, b) => collator.compare(a.device[key], b.device[key]);
    case 'tags':
      return (a, b) => collator.compare(a.tags.join(' '), b.tags.join(' '));
    case 'status':
      return (a, b) => collator.compare(statusLabel(a.device.status), statusLabel(b.device.status));
    case 'online':
      // Online first when ascending: the question is usually "which are up".
      return (a, b) => Number(b.device.online) - Number(a.device.online);
    case 'lastSeen':
      // Most recent first when ascending; never seen last.
      return (a, b) => seenAt(b) - seenAt(a);
    case 'os':
      return (a, b) => collator.compare(fleetOsLabel(a), fleetOsLabel(b));
    case 'cpu':
      return byNumber((row) => row.cpuPercent);
    case 'memory':
      return byNumber((row) => row.memoryPercent);
    case 'disk':
      return byNumber((row) => row.diskPercent);
    case 'openTickets':
      return byNumber((row) => row.openTickets);
  }
}

const seenAt = (row: FleetRow) => (row.device.lastSeenAt ? Date.parse(row.device.lastSeenAt) : 0);
