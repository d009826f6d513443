import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { SoftwarePackage } from '../../protocol/messages/inventory-items.js';
import { CommandError, isOnPath, type Run } from '../../agent/platform/software/command.js';
import { collectLinuxSoftware } from '../../agent/platform/software/linux.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const RECORDED: Record<string, string> = {
  'dpkg-query': 'linux-dpkg-query.txt',
  rpm: 'linux-rpm-qa.txt',
  apk: 'linux-apk-list.txt',
  pacman: 'linux-pacman-q.txt',
  snap: 'linux-snap-list.txt',
  flatpak: 'linux-flatpak-list.txt',
};

/** Replays recorded output and remembers which programs were run. */
function replay(failing: Record<string, string> = {}): { run: Run; ran: string[] } {
  const ran: string[] = [];
  const run: Run = async (file) => {
    ran.push(file);
    if (failing[file]) throw new CommandError(`${file} failed (exit code 1): ${failing[file]}`, false);
    return fixture(RECORDED[file]!);
  };
  return { run, ran };
}

function expectStableList(items: SoftwarePackage[]): void {
  const keys = items.map((p) => [p.name, p.source, p.arch ?? '', p.version].join('\u0000'));
  expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(new Set(keys).size).toBe(keys.length);
  for (const item of items) expect(Value.Check(SoftwarePackage, item), JSON.stringify(item)).toBe(true);
}

describe('collectLinuxSoftware', () => {
  it('runs only the package managers that are installed, one process each', async () => {
    const { run, ran } = replay();
    const present = new Set(['rpm', 'flatpak']);
    const result = await collectLinuxSoftware(run, { hasCommand: (name) => present.has(name) });
    expect(ran.sort()).toEqual(['flatpak', 'rpm']);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.items.map((p) => p.source))).toEqual(new Set(['rpm', 'flatpak']));
  });

  it('merges all sources into one list sorted by name, without duplicates', async () => {
    const { run } = replay();
    const result = await collectLinuxSoftware(run, { hasCommand: () => true, dpkgInfoDir: '/nonexistent' });
    expectStableList(result.items);
    // Firefox as a flatpak installed both system-wide and per user is listed once.
    expect(result.items.filter((p) => p.name === 'org.mozilla.firefox')).toHaveLength(1);
    expect(result.items.filter((p) => p.name === 'firefox').map((p) => p.source)).toEqual(['pacman', 'snap']);
    expect(new Set(result.items.map((p) => p.source)).size).toBe(6);
  });

  it('reports a failing package manager as a warning and still returns the others', async () => {
    const { run } = replay({ snap: 'error: cannot communicate with server: connection refused' });
    const result = await collectLinuxSoftware(run, { hasCommand: (name) => name === 'snap' || name === 'pacman' });
    expect(result.warnings).toEqual([
      'snap failed (exit code 1): error: cannot communicate with server: connection refused',
    ]);
    expect(result.items.map((p) => p.source)).toEqual(Array(12).fill('pacman'));
  });

  it('returns nothing and no warning when no package manager is installed', async () => {
    const { run, ran } = replay();
    expect(await collectLinuxSoftware(run, { hasCommand: () => false })).toEqual({ items: [], warnings: [] });
    expect(ran).toEqual([]);
  });

  // Debian is the project's machine; elsewhere there is no dpkg database to read.
  it.runIf(isOnPath('dpkg-query', '/usr/bin:/bin'))(
    'lists the real dpkg packages of this machine with versions and install dates',
    async () => {
      const result = await collectLinuxSoftware();
      expect(result.warnings.filter((w) => w.startsWith('dpkg'))).toEqual([]);
      const dpkg = result.items.filter((p) => p.source === 'dpkg');
      expect(dpkg.length).toBeGreaterThan(100);
      for (const name of ['bash', 'coreutils']) {
        const pkg = dpkg.find((p) => p.name === name);
        expect(pkg?.version).toMatch(/\d/);
        expect(pkg?.installedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      expectStableList(result.items);
    },
  );
});
