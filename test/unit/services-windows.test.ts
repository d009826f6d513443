import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ServiceState } from '../../protocol/messages/inventory-items.js';
import {
  collectWindowsServices,
  parseWin32ServicesJson,
  POWERSHELL_ARGS,
} from '../../agent/platform/services/windows.js';
import { CommandError } from '../../agent/platform/software/command.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('Windows services from Win32_Service', () => {
  it('maps State and StartMode, keeping localised display names intact', () => {
    const services = new Map(parseWin32ServicesJson(fixture('windows-win32-service.json')).map((s) => [s.name, s]));
    expect(services.size).toBe(17);
    expect(services.get('DoSvc')).toEqual({
      name: 'DoSvc',
      displayName: 'Übermittlungsoptimierung',
      state: 'running',
      startup: 'auto',
    });
    expect(services.get('RemoteRegistry')).toMatchObject({ state: 'stopped', startup: 'disabled' });
    expect(services.get('wuauserv')).toMatchObject({ state: 'stopped', startup: 'manual' });
    expect(services.get('WSearch')?.state).toBe('other');
    expect(services.get('XblAuthManager')?.state).toBe('other');
    expect(services.get('ZoomCptService')?.startup).toBeNull();
    expect(services.get('LenovoVantageService')?.displayName).toBe('Lenovo Vantage Service & Updates');
  });

  it('accepts the lone object ConvertTo-Json prints for a single service, and empty output', () => {
    expect(parseWin32ServicesJson(fixture('windows-win32-service-single.json'))).toEqual([
      { name: 'Spooler', displayName: 'Druckwarteschlange', state: 'running', startup: 'auto' },
    ]);
    expect(parseWin32ServicesJson('\uFEFF\r\n')).toEqual([]);
  });

  it('asks PowerShell for UTF-8 output and returns a sorted, schema-valid list', async () => {
    const { items, warnings } = await collectWindowsServices(async (file, args) => {
      expect(file).toBe('powershell.exe');
      expect(args).toEqual(POWERSHELL_ARGS);
      return fixture('windows-win32-service.json');
    });
    expect(POWERSHELL_ARGS.at(-1)).toMatch(/OutputEncoding.*UTF8Encoding.*ConvertTo-Json$/);
    expect(warnings).toEqual([]);
    const names = items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const item of items) expect(Value.Check(ServiceState, item)).toBe(true);
  });

  it('turns a failing PowerShell or unreadable output into a warning', async () => {
    const failed = await collectWindowsServices(async () => {
      throw new CommandError('powershell.exe did not finish within 20000 ms', false);
    });
    expect(failed).toEqual({
      items: [],
      warnings: ['powershell Win32_Service: powershell.exe did not finish within 20000 ms'],
    });
    const garbled = await collectWindowsServices(async () => 'Get-CimInstance : Access denied');
    expect(garbled.items).toEqual([]);
    expect(garbled.warnings).toHaveLength(1);
  });
});
