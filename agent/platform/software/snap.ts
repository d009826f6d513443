// Snaps from `snap list`, a whitespace-aligned table:
//   Name  Version  Rev  Tracking  Publisher  Notes
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { makePackage } from './collected.js';

export const SNAP_LIST_ARGS = ['list'];

/**
 * snap marks verified publishers with ✓ (or "**" when it prints ASCII, as it does into a pipe)
 * and starred developers with ✪ (or "*"); "-" means no publisher (a locally built snap).
 */
function publisherName(column: string | undefined): string | undefined {
  const name = column?.replace(/[✓✪*]+$/u, '');
  return name === '-' ? undefined : name;
}

/** Parses `snap list` output. */
export function parseSnapList(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const line of output.split('\n')) {
    const columns = line.trim().split(/\s+/);
    if (columns.length < 5 || (columns[0] === 'Name' && columns[1] === 'Version')) continue;
    const [name, version, , , publisher] = columns;
    const item = makePackage({ name, version, publisher: publisherName(publisher), source: 'snap' });
    if (item) packages.push(item);
  }
  return packages;
}
