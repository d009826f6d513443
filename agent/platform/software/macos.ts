// Installed applications on macOS from `system_profiler SPApplicationsDataType -json`.
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import { type Collected, isoSeconds, makePackage, sortPackages } from './collected.js';
import { createRun, type Run, warningFor } from './command.js';

export const SYSTEM_PROFILER_ARGS = ['SPApplicationsDataType', '-json'];

// system_profiler scans every bundle on disk: seconds on a typical Mac, more on a full one.
const profilerRun = createRun({ timeoutMs: 60_000 });

interface ProfiledApp {
  _name?: unknown;
  version?: unknown;
  obtained_from?: unknown;
  lastModified?: unknown;
  path?: unknown;
  signed_by?: unknown;
  arch_kind?: unknown;
}

const ARCH_KINDS: Record<string, string> = {
  arch_arm: 'arm64',
  arch_i64: 'x86_64',
  arch_i32: 'i386',
  arch_arm_i64: 'universal',
  arch_i32_i64: 'universal',
  arch_arm_i64_i32: 'universal',
  arch_ios: 'arm64',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Who made the app. The Developer ID certificate names the vendor ("Developer ID Application:
 * Mozilla Corporation (43AQ936H96)" → "Mozilla Corporation"); apps that came with macOS are
 * Apple's. App Store apps are re-signed by Apple, so their certificate does not name the vendor,
 * and unsigned apps name nobody: both get null rather than a guess.
 */
export function appPublisher(app: Pick<ProfiledApp, 'obtained_from' | 'signed_by'>): string | null {
  const signer = Array.isArray(app.signed_by) ? text(app.signed_by[0]) : undefined;
  const developerId = /^Developer ID Application: (.+?)(?: \([A-Z0-9]{10}\))?$/.exec(signer ?? '');
  if (developerId) return developerId[1]!;
  return app.obtained_from === 'apple' ? 'Apple' : null;
}

/**
 * Bundles that are parts of the OS or of another app (helpers nested inside a .app) are not
 * installed software, as Windows' SystemComponent entries are not.
 */
function isUserFacing(path: string | undefined): boolean {
  if (path === undefined) return true;
  if (path.startsWith('/System/Library/') || path.startsWith('/Library/Apple/')) return false;
  return !/\.app\/.+\.app$/.test(path);
}

/** Parses the JSON printed by `system_profiler SPApplicationsDataType -json`. */
export function parseSystemProfilerApps(output: string): SoftwarePackage[] {
  const parsed: unknown = JSON.parse(output);
  const apps = (parsed as { SPApplicationsDataType?: unknown } | null)?.SPApplicationsDataType;
  if (!Array.isArray(apps)) throw new Error('the output has no SPApplicationsDataType list');
  const packages: SoftwarePackage[] = [];
  for (const app of apps as ProfiledApp[]) {
    if (typeof app !== 'object' || app === null || !isUserFacing(text(app.path))) continue;
    const modified = text(app.lastModified);
    const item = makePackage({
      name: text(app._name),
      version: text(app.version),
      publisher: appPublisher(app),
      source: 'app',
      // The bundle's modification time: set when the app was installed or last updated.
      installedAt: modified ? isoSeconds(new Date(modified)) : null,
      arch: ARCH_KINDS[text(app.arch_kind) ?? ''] ?? null,
    });
    if (item) packages.push(item);
  }
  return packages;
}

export async function collectMacosSoftware(run: Run = profilerRun): Promise<Collected<SoftwarePackage>> {
  try {
    const output = await run('system_profiler', SYSTEM_PROFILER_ARGS);
    return { items: sortPackages(parseSystemProfilerApps(output)), warnings: [] };
  } catch (error) {
    return { items: [], warnings: [warningFor('system_profiler', error)] };
  }
}
