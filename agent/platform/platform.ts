// What the agent needs from the operating system, behind one interface. Linux runs for real in
// tests; the Windows and macOS implementations parse command output that tests replay from
// recordings.
import type { ServiceState, SoftwarePackage } from '../../protocol/messages/inventory-items.js';
import type { LocalUser } from './local-users.js';
import type { Collected } from './software/collected.js';

export interface Platform {
  /** `process.platform` value this implementation serves. */
  readonly id: 'linux' | 'win32' | 'darwin';
  /** Where a service keeps its state on this OS (used when --state is not given). */
  defaultStateDir(): string;
  /** A stable identifier of this machine, hashed so that the raw id never leaves the PC. */
  machineId(): string;
  /** Installed software from every package source this OS has; never throws. */
  listSoftware(): Promise<Collected<SoftwarePackage>>;
  /** State of the OS's services; never throws. */
  listServices(): Promise<Collected<ServiceState>>;
  /** People's local accounts. */
  localUsers(): Promise<LocalUser[]>;
}
