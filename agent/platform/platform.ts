// What the agent needs from the operating system, behind one interface. Linux runs for real in
// tests; the Windows and macOS implementations parse command output that tests replay from
// recordings.
export interface Platform {
  /** `process.platform` value this implementation serves. */
  readonly id: 'linux' | 'win32' | 'darwin';
  /** Where a service keeps its state on this OS (used when --state is not given). */
  defaultStateDir(): string;
  /** A stable identifier of this machine, hashed so that the raw id never leaves the PC. */
  machineId(): string;
}
