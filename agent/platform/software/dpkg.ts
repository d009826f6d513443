// Debian/Ubuntu packages from one `dpkg-query` run; install dates from the mtime of each
// package's file list (one stat per package, no process per package).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { isoSeconds, makePackage } from './collected.js';

export const DPKG_QUERY_ARGS = [
  '-W',
  '-f',
  '${Package}\\t${Version}\\t${Maintainer}\\t${Architecture}\\t${db:Status-Status}\\n',
];

export const DPKG_INFO_DIR = '/var/lib/dpkg/info';

/**
 * Statuses whose files are on disk and configured. The triggers-* states are passing moments of
 * an apt run; dropping a package during them would show as a spurious removal.
 */
const INSTALLED_STATUSES = new Set(['installed', 'triggers-awaited', 'triggers-pending']);

/** "Jane Doe <jane@example.org>" → "Jane Doe": people read the name, the address is noise. */
function maintainerName(maintainer: string | undefined): string | undefined {
  const name = maintainer?.replace(/\s*<[^>]*>\s*$/, '').trim();
  return name || maintainer;
}

/** Parses `dpkg-query -W -f '<DPKG_QUERY_ARGS format>'` output; installedAt is left null. */
export function parseDpkgQuery(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const line of output.split('\n')) {
    const [name, version, maintainer, arch, status] = line.replace(/\r$/, '').split('\t');
    if (status === undefined || !INSTALLED_STATUSES.has(status.trim())) continue;
    const item = makePackage({ name, version, publisher: maintainerName(maintainer), source: 'dpkg', arch });
    if (item) packages.push(item);
  }
  return packages;
}

/**
 * When dpkg last unpacked the package (install or upgrade): the mtime of its `.list` file, named
 * `<pkg>.list`, or `<pkg>:<arch>.list` for Multi-Arch: same packages.
 */
export function dpkgInstalledAt(
  pkg: Pick<SoftwarePackage, 'name' | 'arch'>,
  infoDir: string = DPKG_INFO_DIR,
): string | null {
  const candidates = [`${pkg.name}.list`];
  if (pkg.arch) candidates.push(`${pkg.name}:${pkg.arch}.list`);
  for (const file of candidates) {
    const stats = statSync(join(infoDir, file), { throwIfNoEntry: false });
    if (stats) return isoSeconds(stats.mtime);
  }
  return null;
}

export function withDpkgInstallDates(packages: SoftwarePackage[], infoDir: string = DPKG_INFO_DIR): SoftwarePackage[] {
  return packages.map((pkg) => ({ ...pkg, installedAt: dpkgInstalledAt(pkg, infoDir) }));
}
