// RHEL/Fedora/SUSE packages from one `rpm -qa` run.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { isoFromEpochSeconds, makePackage } from './collected.js';

export const RPM_QUERY_ARGS = [
  '-qa',
  '--queryformat',
  '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\t%{ARCH}\\t%{INSTALLTIME}\\n',
];

/** rpm prints `(none)` for a tag the package does not have. */
function tag(value: string | undefined): string | undefined {
  return value === '(none)' ? undefined : value;
}

/** Parses `rpm -qa --queryformat '<RPM_QUERY_ARGS format>'` output. */
export function parseRpmQuery(output: string): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const line of output.split('\n')) {
    const [name, version, vendor, arch, installTime] = line.replace(/\r$/, '').split('\t');
    if (installTime === undefined) continue;
    // Imported signing keys show up as pseudo-packages; they are not software.
    if (name === 'gpg-pubkey') continue;
    const item = makePackage({
      name,
      version,
      publisher: tag(vendor),
      source: 'rpm',
      arch: tag(arch),
      installedAt: isoFromEpochSeconds(installTime),
    });
    if (item) packages.push(item);
  }
  return packages;
}
