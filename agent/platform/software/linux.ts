// Installed software on Linux: every package manager present on the machine, one process each,
// all at once. A missing tool contributes nothing; a failing one contributes a warning.
import type { SoftwarePackage, SoftwareSource } from '../../../protocol/messages/inventory-items.js';
import { APK_LIST_ARGS, parseApkList } from './apk.js';
import { type Collected, sortPackages } from './collected.js';
import { defaultRun, pathLookup, type Run, warningFor } from './command.js';
import { DPKG_INFO_DIR, DPKG_QUERY_ARGS, parseDpkgQuery, withDpkgInstallDates } from './dpkg.js';
import { FLATPAK_LIST_ARGS, parseFlatpakList } from './flatpak.js';
import { PACMAN_QUERY_ARGS, parsePacmanQuery } from './pacman.js';
import { parseRpmQuery, RPM_QUERY_ARGS } from './rpm.js';
import { parseSnapList, SNAP_LIST_ARGS } from './snap.js';

export interface LinuxSoftwareOptions {
  /** Whether a program can be run; defaults to a lookup in PATH. */
  hasCommand?: (name: string) => boolean;
  /** dpkg's database of per-package file lists, for install dates. */
  dpkgInfoDir?: string;
}

interface LinuxSoftwareSource {
  source: SoftwareSource;
  tool: string;
  args: string[];
  parse(output: string): SoftwarePackage[];
}

function linuxSources(dpkgInfoDir: string): LinuxSoftwareSource[] {
  return [
    {
      source: 'dpkg',
      tool: 'dpkg-query',
      args: DPKG_QUERY_ARGS,
      parse: (out) => withDpkgInstallDates(parseDpkgQuery(out), dpkgInfoDir),
    },
    { source: 'rpm', tool: 'rpm', args: RPM_QUERY_ARGS, parse: parseRpmQuery },
    { source: 'apk', tool: 'apk', args: APK_LIST_ARGS, parse: parseApkList },
    { source: 'pacman', tool: 'pacman', args: PACMAN_QUERY_ARGS, parse: parsePacmanQuery },
    { source: 'snap', tool: 'snap', args: SNAP_LIST_ARGS, parse: parseSnapList },
    { source: 'flatpak', tool: 'flatpak', args: FLATPAK_LIST_ARGS, parse: parseFlatpakList },
  ];
}

async function collectSource(source: LinuxSoftwareSource, run: Run): Promise<Collected<SoftwarePackage>> {
  try {
    return { items: source.parse(await run(source.tool, source.args)), warnings: [] };
  } catch (error) {
    return { items: [], warnings: [warningFor(source.tool, error)] };
  }
}

export async function collectLinuxSoftware(
  run: Run = defaultRun,
  options: LinuxSoftwareOptions = {},
): Promise<Collected<SoftwarePackage>> {
  const hasCommand = options.hasCommand ?? pathLookup();
  const present = linuxSources(options.dpkgInfoDir ?? DPKG_INFO_DIR).filter((source) => hasCommand(source.tool));
  const results = await Promise.all(present.map((source) => collectSource(source, run)));
  return {
    items: sortPackages(results.flatMap((result) => result.items)),
    warnings: results.flatMap((result) => result.warnings),
  };
}
