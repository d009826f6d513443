// Flatpak applications (system and user installations) from `flatpak list`.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { makePackage } from './collected.js';

export const FLATPAK_LIST_ARGS = ['list', '--app', '--columns=application,version,origin,arch'];

/**
 * Parses `flatpak list --app --columns=application,version,origin,arch`: tab-separated, and
 * without a title row when printed into a pipe (skipped should one appear). The name is the
 * application id, which is unique and stable; the origin is a remote (e.g. "flathub"), not a
 * publisher, so the publisher stays null.
 */
export function parseFlatpakList(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const line of output.split('\n')) {
    const [id, version, , arch] = line.replace(/\r$/, '').split('\t');
    if (arch === undefined || id === 'Application ID') continue;
    const item = makePackage({ name: id, version, source: 'flatpak', arch });
    if (item) packages.push(item);
  }
  return packages;
}
