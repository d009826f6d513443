// Arch Linux packages from `pacman -Q`: name and version only. `pacman -Qi` would add the
// packager and install date but costs seconds on a full system, so it is not used.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { makePackage } from './collected.js';

export const PACMAN_QUERY_ARGS = ['-Q'];

/** Parses `pacman -Q` output: "<name> <version>" per line. */
export function parsePacmanQuery(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const line of output.split('\n')) {
    const [name, version, ...rest] = line.trim().split(/\s+/);
    if (version === undefined || rest.length > 0) continue;
    const item = makePackage({ name, version, source: 'pacman' });
    if (item) packages.push(item);
  }
  return packages;
}
