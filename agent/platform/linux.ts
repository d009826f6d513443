import { existsSync, readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { parsePasswd } from './local-users.js';
import { hashMachineId } from './machine-id.js';
import { collectLinuxServices } from './services/linux.js';
import { collectLinuxSoftware } from './software/linux.js';
import type { Platform } from './platform.js';

const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

export function createLinuxPlatform(options: { uid?: number; home?: string; stateHome?: string } = {}): Platform {
  return {
    id: 'linux',
    defaultStateDir() {
      const uid = options.uid ?? process.getuid?.() ?? 0;
      if (uid === 0) return '/var/lib/helpline-agent';
      // An agent run by an ordinary user (trials) keeps its state per XDG.
      return join(options.stateHome ?? join(options.home ?? homedir(), '.local', 'state'), 'helpline-agent');
    },
    machineId() {
      for (const file of MACHINE_ID_FILES) {
        if (existsSync(file)) {
          const raw = readFileSync(file, 'utf8').trim();
          if (raw) return hashMachineId(raw);
        }
      }
      return hashMachineId(`hostname:${hostname()}`);
    },
    listSoftware: () => collectLinuxSoftware(),
    listServices: () => collectLinuxServices(),
    localUsers: async () => (existsSync('/etc/passwd') ? parsePasswd(readFileSync('/etc/passwd', 'utf8')) : []),
  };
}
