// The fleet table's search and sort, done in the browser: the whole list is loaded once, so a
// keystroke only filters an array (each device's searchable text is built once per list and
// language, not per keystroke).
import type { DeviceView } from '../../../protocol/api/devices.js';
import { onlineLabel, statusLabel } from '../i18n/labels.js';

export type SortKey = 'name' | 'group' | 'status' | 'online' | 'lastSeen' | 'os' | 'agentVersion';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const OS_NAMES: Record<string, string> = { linux: 'Linux', win32: 'Windows', darwin: 'macOS' };

export function osLabel(device: Pick<DeviceView, 'platform' | 'osRelease'>): string {
  const name = OS_NAMES[device.platform] ?? device.platform;
  return device.osRelease ? `${name} ${device.osRelease}` : name;
}

export interface IndexedDevice {
  device: DeviceView;
  /** Lower-case text the search box matches against. */
  text: string;
}

/** Built once per list and language: the status words are matched in the language shown. */
export function indexDevices(devices: readonly DeviceView[]): IndexedDevice[] {
  return devices.map((device) => ({
    device,
    text: [
      device.name,
      device.group,
      device.status,
      statusLabel(device.status),
      onlineLabel(device.online),
      osLabel(device),
      device.agentVersion,
      device.id,
    ]
      .join('\n')
      .toLowerCase(),
  }));
}

/** Devices whose text contains every word of the query. */
export function filterDevices(index: readonly IndexedDevice[], query: string): IndexedDevice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return index.slice();
  return index.filter((entry) => words.every((word) => entry.text.includes(word)));
}

export function sortDevices(entries: IndexedDevice[], sort: Sort, collator: Intl.Collator): IndexedDevice[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = comparator(sort.key, collator);
  return entries.sort((a, b) => sign * compare(a.device, b.device) || collator.compare(a.device.name, b.device.name));
}

function comparator(key: SortKey, collator: Intl.Collator): (a: DeviceView, b: DeviceView) => number {
  switch (key) {
    case 'name':
    case 'group':
    case 'agentVersion':
      return (a, b) => collator.compare(a[key], b[key]);
    case 'status':
      return (a, b) => collator.compare(statusLabel(a.status), statusLabel(b.status));
    case 'online':
      // Online first when ascending: the question is usually "which are up".
      return (a, b) => Number(b.online) - Number(a.online);
    case 'lastSeen':
      // Most recent first when ascending; never seen last.
      return (a, b) => seenAt(b) - seenAt(a);
    case 'os':
      return (a, b) => collator.compare(osLabel(a), osLabel(b));
  }
}

const seenAt = (device: DeviceView) => (device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0);
