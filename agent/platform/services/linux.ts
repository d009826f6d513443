// Services on Linux through systemctl. Without a running systemd (containers, other init
// systems) there is no runtime state to report: the list stays empty and a warning says why.
import { existsSync } from 'node:fs';
import type { ServiceState } from '../../../protocol/messages/inventory-items.js';
import { type Collected, sortServices } from '../software/collected.js';
import { defaultRun, pathLookup, type Run, warningFor } from '../software/command.js';
import {
  LIST_UNIT_FILES_ARGS,
  LIST_UNITS_ARGS,
  parseListUnitFiles,
  parseListUnits,
  systemdServices,
} from './systemd.js';

export interface LinuxServicesOptions {
  /** Whether a program can be run; defaults to a lookup in PATH. */
  hasCommand?: (name: string) => boolean;
  /** Whether systemd is the running init; defaults to sd_booted()'s test for /run/systemd/system. */
  systemdRunning?: () => boolean;
}

const SYSTEMD_RUNTIME_DIR = '/run/systemd/system';

export async function collectLinuxServices(
  run: Run = defaultRun,
  options: LinuxServicesOptions = {},
): Promise<Collected<ServiceState>> {
  const hasCommand = options.hasCommand ?? pathLookup();
  if (!hasCommand('systemctl')) {
    return { items: [], warnings: ['systemctl was not found: services are only collected from systemd'] };
  }
  // Checked first because list-unit-files scans the unit directories even without systemd
  // (about 0.3 s of CPU here) only for list-units to fail.
  if (!(options.systemdRunning ?? (() => existsSync(SYSTEMD_RUNTIME_DIR)))()) {
    return {
      items: [],
      warnings: [`systemd is not running (no ${SYSTEMD_RUNTIME_DIR}): services are only collected from systemd`],
    };
  }
  const [units, unitFiles] = await Promise.allSettled([
    run('systemctl', LIST_UNITS_ARGS),
    run('systemctl', LIST_UNIT_FILES_ARGS),
  ]);
  if (units.status === 'rejected') {
    return { items: [], warnings: [warningFor('systemctl list-units', units.reason)] };
  }
  const warnings: string[] = [];
  let files = new Map<string, string>();
  if (unitFiles.status === 'fulfilled') files = parseListUnitFiles(unitFiles.value);
  else warnings.push(warningFor('systemctl list-unit-files', unitFiles.reason));
  return { items: sortServices(systemdServices(parseListUnits(units.value), files)), warnings };
}
