// Installed software on Windows: the three Uninstall keys, queried at once.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { type Collected, sortPackages } from './collected.js';
import { defaultRun, type Run, warningFor } from './command.js';
import { parseUninstallEntries, UNINSTALL_KEYS } from './windows-registry.js';

// reg.exe's message when a key does not exist, e.g. no WOW6432Node on 32-bit Windows or no
// per-user installs under the account the agent runs as. (English only; elsewhere a warning.)
const KEY_NOT_FOUND = /unable to find the specified registry key/i;

export async function collectWindowsSoftware(run: Run = defaultRun): Promise<Collected<SoftwarePackage>> {
  const results = await Promise.all(
    UNINSTALL_KEYS.map(async ({ key, source }): Promise<Collected<SoftwarePackage>> => {
      try {
        return { items: parseUninstallEntries(await run('reg', ['query', key, '/s']), source), warnings: [] };
      } catch (error) {
        const missing = error instanceof Error && KEY_NOT_FOUND.test(error.message);
        return { items: [], warnings: missing ? [] : [warningFor(`reg query ${key}`, error)] };
      }
    }),
  );
  return {
    items: sortPackages(results.flatMap((result) => result.items)),
    warnings: results.flatMap((result) => result.warnings),
  };
}
