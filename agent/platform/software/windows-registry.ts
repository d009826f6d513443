// Installed programs as Windows' "Apps & features" lists them: the Uninstall registry keys, read
// from `reg query <key> /s` output.
import type { SoftwarePackage, SoftwareSource } from '../../../protocol/messages/inventory-items.js';
import { makePackage } from './collected.js';

const UNINSTALL = 'Microsoft\\Windows\\CurrentVersion\\Uninstall';

export const UNINSTALL_KEYS: ReadonlyArray<{ key: string; source: SoftwareSource }> = [
  { key: `HKLM\\SOFTWARE\\${UNINSTALL}`, source: 'registry' },
  { key: `HKLM\\SOFTWARE\\WOW6432Node\\${UNINSTALL}`, source: 'registry32' },
  { key: `HKCU\\SOFTWARE\\${UNINSTALL}`, source: 'registry-user' },
];

interface RegValue {
  type: string;
  data: string;
}

// reg.exe separates name, type and data by exactly four spaces; a value may be empty.
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;
// One program per direct subkey of ...\Uninstall; deeper subkeys are installer internals.
const PROGRAM_KEY = /\\Uninstall\\[^\\]+$/i;
// Entries that "Apps & features" hides: updates and hotfixes of another product.
const UPDATE_RELEASE_TYPES = new Set(['update', 'hotfix', 'security update', 'update rollup', 'service pack']);

/** Splits `reg query /s` output into its keys and their values (names compared case-insensitively). */
export function parseRegQuery(output: string): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      current = new Map();
      keys.set(line.trimEnd(), current);
      continue;
    }
    const value = VALUE_LINE.exec(line);
    if (value && current) current.set(value[1]!.toLowerCase(), { type: value[2]!, data: (value[3] ?? '').trim() });
  }
  return keys;
}

/** InstallDate is "yyyymmdd" by convention; anything else an installer wrote there is dropped. */
export function installDate(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(year) < 1980) return null;
  return `${year}-${month}-${day}`;
}

function isSet(value: RegValue | undefined): boolean {
  return value !== undefined && value.type === 'REG_DWORD' && Number(value.data) !== 0;
}

/** The programs in the output of `reg query <uninstall key> /s`. */
export function parseUninstallEntries(output: string, source: SoftwareSource): SoftwarePackage[] {
  const packages: SoftwarePackage[] = [];
  for (const [keyPath, values] of parseRegQuery(output)) {
    if (!PROGRAM_KEY.test(keyPath)) continue;
    if (isSet(values.get('systemcomponent')) || values.has('parentkeyname')) continue;
    if (UPDATE_RELEASE_TYPES.has(values.get('releasetype')?.data.toLowerCase() ?? '')) continue;
    const item = makePackage({
      name: values.get('displayname')?.data,
      version: values.get('displayversion')?.data,
      publisher: values.get('publisher')?.data,
      source,
      installedAt: installDate(values.get('installdate')?.data),
    });
    if (item) packages.push(item);
  }
  return packages;
}
