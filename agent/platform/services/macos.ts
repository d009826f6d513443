// launchd jobs on macOS from `launchctl list`. Run by the agent as root this is the system
// domain (LaunchDaemons); launchd has no enablement that maps onto startup, so it stays null.
import type { ServiceState } from '../../../protocol/messages/inventory-items.js';
import { type Collected, sortServices } from '../software/collected.js';
import { defaultRun, type Run, warningFor } from '../software/command.js';

/** Parses `launchctl list`: "PID<tab>Status<tab>Label", PID "-" when the job is not running. */
export function parseLaunchctlList(output: string): ServiceState[] {
  const services: ServiceState[] = [];
  for (const line of output.split('\n')) {
    const [pid, status, label] = line.replace(/\r$/, '').split('\t');
    if (label === undefined || status === undefined || label.trim() === '' || pid === 'PID') continue;
    let state: ServiceState['state'];
    if (/^\d+$/.test(pid!)) state = 'running';
    else if (pid === '-') state = 'stopped';
    else continue;
    services.push({ name: label.trim().slice(0, 300), displayName: null, state, startup: null });
  }
  return services;
}

export async function collectMacosServices(run: Run = defaultRun): Promise<Collected<ServiceState>> {
  try {
    return { items: sortServices(parseLaunchctlList(await run('launchctl', ['list']))), warnings: [] };
  } catch (error) {
    return { items: [], warnings: [warningFor('launchctl', error)] };
  }
}
