// Check policies in words people read: one line per check saying what raises it, what counts as
// recovery, and whether the ticket resolves itself. Every text from the server goes through clean().
import type { CheckDefinition } from '../../protocol/messages/checks.js';
import { clean } from './output.js';

/** "10 min", "2 h", "90 min". */
export function minutesText(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

const forTime = (minutes: number): string => (minutes > 0 ? ` for ${minutesText(minutes)}` : '');

/** What raises the check (and what clears it), e.g. "disk use above 90 % (recovers below 85 %), mount /data". */
export function checkCondition(check: CheckDefinition): string {
  switch (check.kind) {
    case 'disk_usage':
      return `disk use above ${check.thresholdPct} % (recovers below ${check.recoverBelowPct} %), ${check.mount === undefined ? 'every file system' : `mount ${clean(check.mount)}`}`;
    case 'memory_usage':
      return `memory use above ${check.thresholdPct} %${forTime(check.forMinutes)} (recovers below ${check.recoverBelowPct} %)`;
    case 'cpu_usage':
      return `CPU use above ${check.thresholdPct} %${forTime(check.forMinutes)} (recovers below ${check.recoverBelowPct} %)`;
    case 'smart':
      return 'a disk reports a SMART failure';
    case 'battery_capacity':
      return `capacity below ${check.minSharePct} % of design (recovers above ${check.recoverAbovePct} %)`;
    case 'service_running':
      return `service "${clean(check.service)}" not running`;
    case 'offline':
      return `offline for more than ${minutesText(check.forMinutes)}`;
    default:
      return `a check of kind ${clean((check as { kind: unknown }).kind)}`;
  }
}

/** One line per check: "disk  File system almost full: disk use above 90 % (...), resolves itself". */
export function checkLines(checks: readonly CheckDefinition[]): string[] {
  const width = Math.max(0, ...checks.map((check) => clean(check.id).length));
  return checks.map((check) => {
    const parts = [checkCondition(check), check.autoResolve ? 'resolves itself' : 'needs a person to resolve'];
    if (check.remediationScript !== undefined) parts.push(`remediation: ${clean(check.remediationScript)}`);
    return `${clean(check.id).padEnd(width)}  ${clean(check.name)}: ${parts.join(', ')}`;
  });
}
