import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseWindowsLocalUsers } from './local-users.js';
import { hashMachineId } from './machine-id.js';
import { collectWindowsServices } from './services/windows.js';
import { collectWindowsSoftware } from './software/windows.js';
import type { Platform } from './platform.js';

/** Reads MachineGuid from `reg query HKLM\SOFTWARE\Microsoft\Cryptography /v MachineGuid` output. */
export function parseMachineGuid(regOutput: string): string | null {
  const match = /MachineGuid\s+REG_SZ\s+([0-9a-fA-F-]{36})/.exec(regOutput);
  return match ? match[1]! : null;
}

export function createWindowsPlatform(
  options: { programData?: string; run?: (file: string, args: string[]) => string } = {},
): Platform {
  const run = options.run ?? ((file, args) => execFileSync(file, args, { encoding: 'utf8', windowsHide: true }));
  return {
    id: 'win32',
    defaultStateDir: () => join(options.programData ?? 'C:\\ProgramData', 'Helpline', 'agent'),
    machineId() {
      const guid = parseMachineGuid(
        run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid']),
      );
      if (!guid) throw new Error('could not read MachineGuid from the registry');
      return hashMachineId(guid);
    },
    listSoftware: () => collectWindowsSoftware(),
    listServices: () => collectWindowsServices(),
    localUsers: async () =>
      parseWindowsLocalUsers(
        run('powershell.exe', [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          'Get-LocalUser | Select-Object Name,SID,Enabled | ConvertTo-Json -Compress',
        ]),
      ),
  };
}
