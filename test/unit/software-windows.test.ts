import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { SoftwarePackage } from '../../protocol/messages/inventory-items.js';
import { CommandError, type Run } from '../../agent/platform/software/command.js';
import { collectWindowsSoftware } from '../../agent/platform/software/windows.js';
import { installDate, parseUninstallEntries } from '../../agent/platform/software/windows-registry.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const RECORDED: Record<string, string> = {
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall': 'windows-reg-uninstall-hklm.txt',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall': 'windows-reg-uninstall-wow6432.txt',
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall': 'windows-reg-uninstall-hkcu.txt',
};

const NOT_FOUND = 'reg failed (exit code 1): ERROR: The system was unable to find the specified registry key or value.';

/** Replays `reg query <key> /s`; keys listed in `errors` fail with that message. */
function replayReg(errors: Record<string, string> = {}): Run {
  return async (file, args) => {
    expect(file).toBe('reg');
    const [verb, key, recurse] = args;
    expect([verb, recurse]).toEqual(['query', '/s']);
    const error = Object.entries(errors).find(([prefix]) => key!.startsWith(prefix))?.[1];
    if (error) throw new CommandError(error, false);
    return fixture(RECORDED[key!]!);
  };
}

describe('Windows software from the Uninstall registry keys', () => {
  it('reads name, version, publisher and install date from `reg query /s` output with CRLF line ends', () => {
    const packages = parseUninstallEntries(fixture('windows-reg-uninstall-wow6432.txt'), 'registry32');
    expect(packages).toContainEqual({
      name: 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130',
      version: '14.38.33130.0',
      publisher: 'Microsoft Corporation',
      source: 'registry32',
      installedAt: '2023-11-14',
      arch: null,
    });
    expect(packages.map((p) => p.name).sort()).toEqual([
      'Adobe Acrobat Reader DC - Deutsch',
      'Google Chrome',
      'Microsoft Edge',
      'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130',
    ]);
  });

  it('skips system components, updates of other products, keys without a name and nested subkeys', () => {
    const names = parseUninstallEntries(fixture('windows-reg-uninstall-hklm.txt'), 'registry').map((p) => p.name);
    expect(names.sort()).toEqual([
      '7-Zip 23.01 (x64)',
      'Brother MFL-Pro Suite MFC-L2710DW',
      'Intel® Graphics Driver',
      'Microsoft Office Professional Plus 2016',
      'Microsoft Update Health Tools',
      'Mozilla Firefox (x64 de)',
      'NVIDIA Grafiktreiber 546.33',
    ]);
  });

  it('accepts REG_EXPAND_SZ names and leaves a missing version empty and an unreadable date null', () => {
    const byName = new Map(
      parseUninstallEntries(fixture('windows-reg-uninstall-hklm.txt'), 'registry').map((p) => [p.name, p]),
    );
    expect(byName.get('Brother MFL-Pro Suite MFC-L2710DW')).toMatchObject({
      version: '1.0.5.0',
      installedAt: '2022-03-09',
    });
    expect(byName.get('Intel® Graphics Driver')).toMatchObject({
      version: '',
      publisher: 'Intel Corporation',
      installedAt: null,
    });
    expect(byName.get('NVIDIA Grafiktreiber 546.33')?.installedAt).toBeNull();
    expect(byName.get('7-Zip 23.01 (x64)')).toMatchObject({ publisher: 'Igor Pavlov', installedAt: null });
  });

  it('accepts only real calendar dates as InstallDate', () => {
    expect(installDate('20231114')).toBe('2023-11-14');
    expect(installDate('20230229')).toBeNull();
    expect(installDate('14.11.2023')).toBeNull();
    expect(installDate(undefined)).toBeNull();
  });

  it('collects the three keys into one list sorted by name, each entry tagged with its key', async () => {
    const { items, warnings } = await collectWindowsSoftware(replayReg());
    expect(warnings).toEqual([]);
    expect(items.map((p) => p.name)).toEqual(
      [...items.map((p) => p.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    expect(items).toHaveLength(14);
    expect(items.find((p) => p.name === 'Zoom')).toMatchObject({ version: '5.16.6 (24712)', source: 'registry-user' });
    expect(items.find((p) => p.name === 'Google Chrome')?.source).toBe('registry32');
    for (const item of items) expect(Value.Check(SoftwarePackage, item)).toBe(true);
  });

  it('treats a key that does not exist as empty, and any other failure as a warning', async () => {
    const missing = await collectWindowsSoftware(
      replayReg({ 'HKCU\\': NOT_FOUND, 'HKLM\\SOFTWARE\\WOW6432Node': NOT_FOUND }),
    );
    expect(missing.warnings).toEqual([]);
    expect(new Set(missing.items.map((p) => p.source))).toEqual(new Set(['registry']));

    const denied = await collectWindowsSoftware(
      replayReg({ 'HKCU\\': 'reg failed (exit code 1): ERROR: Access is denied.' }),
    );
    expect(denied.warnings).toEqual([
      'reg query HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall: reg failed (exit code 1): ERROR: Access is denied.',
    ]);
    expect(denied.items).toHaveLength(11);
  });
});
