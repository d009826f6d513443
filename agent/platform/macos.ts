import { execFileSync } from 'node:child_process';
import { parseDsclUsers } from './local-users.js';
import { hashMachineId } from './machine-id.js';
import { collectMacosServices } from './services/macos.js';
import { collectMacosSoftware } from './software/macos.js';
import type { Platform } from './platform.js';

/** Reads IOPlatformUUID from `ioreg -rd1 -c IOPlatformExpertDevice` output. */
export function parseIoPlatformUuid(ioregOutput: string): string | null {
  const match = /"IOPlatformUUID"\s*=\s*"([0-9A-Fa-f-]{36})"/.exec(ioregOutput);
  return match ? match[1]! : null;
}

export function createMacosPlatform(options: { run?: (file: string, args: string[]) => string } = {}): Platform {
  const run = options.run ?? ((file, args) => execFileSync(file, args, { encoding: 'utf8' }));
  return {
    id: 'darwin',
    defaultStateDir: () => '/Library/Application Support/Helpline/agent',
    machineId() {
      const uuid = parseIoPlatformUuid(run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']));
      if (!uuid) throw new Error('could not read IOPlatformUUID from ioreg');
      return hashMachineId(uuid);
    },
    listSoftware: () => collectMacosSoftware(),
    listServices: () => collectMacosServices(),
    localUsers: async () => parseDsclUsers(run('dscl', ['.', '-list', '/Users', 'UniqueID'])),
  };
}
