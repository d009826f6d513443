// Alpine packages from `apk list --installed`.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { makePackage } from './collected.js';

export const APK_LIST_ARGS = ['list', '--installed'];

// "<name>-<version> <arch> {<origin>} (<license>) [installed]"
const LINE = /^(\S+) (\S+) \{[^}]*\} \(.*\) \[[^\]]*\]$/;
// apk versions start with a digit and end in the package release "-r<N>".
const NAME_VERSION = /^(.+)-(\d[^-]*-r\d+)$/;

/** Parses `apk list --installed` output. apk records neither a vendor nor an install time here. */
export function parseApkList(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const raw of output.split('\n')) {
    const line = LINE.exec(raw.trim());
    if (!line) continue;
    const split = NAME_VERSION.exec(line[1]!);
    if (!split) continue;
    const item = makePackage({ name: split[1], version: split[2], source: 'apk', arch: line[2] });
    if (item) packages.push(item);
  }
  return packages;
}
