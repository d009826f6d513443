// systemd services from two cheap listings: the loaded units with their runtime state, and the
// unit files with their enablement (which also names services that are not loaded).
import type { ServiceState } from '../../../protocol/messages/inventory-items.js';
import { textOrNull } from '../software/collected.js';

export const LIST_UNITS_ARGS = ['list-units', '--type=service', '--all', '--no-legend', '--plain', '--no-pager'];
export const LIST_UNIT_FILES_ARGS = ['list-unit-files', '--type=service', '--no-legend', '--no-pager'];

export interface SystemdUnit {
  name: string;
  load: string;
  active: string;
  sub: string;
  description: string;
}

/** Parses `systemctl list-units ... --plain --no-legend`: UNIT LOAD ACTIVE SUB DESCRIPTION. */
export function parseListUnits(output: string): SystemdUnit[] {
  const units: SystemdUnit[] = [];
  for (const raw of output.split('\n')) {
    // Some versions still mark failed or missing units with a bullet, even with --plain.
    const line = raw.trim().replace(/^[●*]\s+/u, '');
    const match = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, load, active, sub, description] = match;
    units.push({ name: name!, load: load!, active: active!, sub: sub!, description: description!.trim() });
  }
  return units;
}

/** Parses `systemctl list-unit-files ... --no-legend`: UNIT FILE, STATE, [VENDOR PRESET]. */
export function parseListUnitFiles(output: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [name, state] = line.trim().split(/\s+/);
    if (name && state) states.set(name, state);
  }
  return states;
}

const STARTUP: Record<string, ServiceState['startup']> = {
  enabled: 'auto',
  'enabled-runtime': 'auto',
  disabled: 'disabled',
  masked: 'disabled',
  'masked-runtime': 'disabled',
  // Started by something else (a socket, a timer, another unit) or only by hand.
  static: 'manual',
  indirect: 'manual',
  generated: 'manual',
  transient: 'manual',
  linked: 'manual',
  'linked-runtime': 'manual',
};

/** An instance (getty@tty1.service) takes its template's (getty@.service) enablement. */
function startupOf(name: string, unitFiles: Map<string, string>): ServiceState['startup'] {
  const state = unitFiles.get(name) ?? unitFiles.get(name.replace(/@[^.]*\.service$/, '@.service'));
  return state ? (STARTUP[state] ?? null) : null;
}

export function serviceStateOf(unit: Pick<SystemdUnit, 'active' | 'sub'>): ServiceState['state'] {
  if (unit.sub === 'running') return 'running';
  if (unit.active === 'inactive' || unit.active === 'failed') return 'stopped';
  return 'other';
}

/**
 * Every service: the loaded ones with their state, plus unit files that are not loaded (so not
 * running). Units systemd only heard of (LOAD not-found), templates and aliases of another unit
 * are left out.
 */
export function systemdServices(units: SystemdUnit[], unitFiles: Map<string, string>): ServiceState[] {
  const services: ServiceState[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (unit.load === 'not-found' || !unit.name.endsWith('.service')) continue;
    seen.add(unit.name);
    services.push({
      name: unit.name.slice(0, 300),
      displayName: textOrNull(unit.description, 300),
      state: serviceStateOf(unit),
      startup: startupOf(unit.name, unitFiles),
    });
  }
  for (const [name, state] of unitFiles) {
    if (seen.has(name) || state === 'alias' || name.endsWith('@.service')) continue;
    services.push({ name: name.slice(0, 300), displayName: null, state: 'stopped', startup: STARTUP[state] ?? null });
  }
  return services;
}
