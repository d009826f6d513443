import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseApkList } from '../../agent/platform/software/apk.js';
import { dpkgInstalledAt, parseDpkgQuery } from '../../agent/platform/software/dpkg.js';
import { parseFlatpakList } from '../../agent/platform/software/flatpak.js';
import { parsePacmanQuery } from '../../agent/platform/software/pacman.js';
import { parseRpmQuery } from '../../agent/platform/software/rpm.js';
import { parseSnapList } from '../../agent/platform/software/snap.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const find = <T extends { name: string }>(items: T[], name: string) => items.filter((item) => item.name === name);

describe('Linux package list parsers', () => {
  it('keeps installed dpkg packages, one per architecture, with the maintainer name as publisher', () => {
    const packages = parseDpkgQuery(fixture('linux-dpkg-query.txt'));
    expect(packages).toHaveLength(23);
    expect(find(packages, 'bash')).toEqual([
      {
        name: 'bash',
        version: '5.2.15-2+b8',
        publisher: 'Matthias Klose',
        source: 'dpkg',
        installedAt: null,
        arch: 'amd64',
      },
    ]);
    expect(find(packages, 'libc6').map((p) => p.arch)).toEqual(['amd64', 'i386']);
    expect(find(packages, 'git')[0]?.version).toBe('1:2.39.5-0+deb12u3');
    // Removed (config files left), half-configured and never-installed packages are not installed software.
    for (const gone of ['linux-image-6.1.0-13-amd64', 'nano', 'telnet']) expect(find(packages, gone)).toEqual([]);
    // A package with only triggers outstanding is installed.
    expect(find(packages, 'man-db')).toHaveLength(1);
  });

  it('dates a dpkg package by its file list, also for Multi-Arch names, and null when there is none', () => {
    const infoDir = mkdtempSync(join(tmpdir(), 'dpkg-info-'));
    cleanups.push(() => rmSync(infoDir, { recursive: true, force: true }));
    writeFileSync(join(infoDir, 'bash.list'), '/bin/bash\n');
    writeFileSync(join(infoDir, 'libc6:amd64.list'), '/lib/x86_64-linux-gnu/libc.so.6\n');
    utimesSync(join(infoDir, 'bash.list'), new Date('2024-01-02T03:04:05Z'), new Date('2024-01-02T03:04:05Z'));
    utimesSync(join(infoDir, 'libc6:amd64.list'), new Date('2024-02-03T04:05:06Z'), new Date('2024-02-03T04:05:06Z'));
    expect(dpkgInstalledAt({ name: 'bash', arch: 'amd64' }, infoDir)).toBe('2024-01-02T03:04:05Z');
    expect(dpkgInstalledAt({ name: 'libc6', arch: 'amd64' }, infoDir)).toBe('2024-02-03T04:05:06Z');
    expect(dpkgInstalledAt({ name: 'libc6', arch: 'i386' }, infoDir)).toBeNull();
  });

  it('reads rpm packages with vendor and install time, skipping signing keys and "(none)" tags', () => {
    const packages = parseRpmQuery(fixture('linux-rpm-qa.txt'));
    expect(find(packages, 'gpg-pubkey')).toEqual([]);
    expect(find(packages, 'bash')).toEqual([
      {
        name: 'bash',
        version: '5.1.8-6.el9_1',
        publisher: 'Rocky Enterprise Software Foundation',
        source: 'rpm',
        installedAt: '2023-11-16T08:30:56Z',
        arch: 'x86_64',
      },
    ]);
    expect(find(packages, 'local-tool')[0]).toMatchObject({ publisher: null, arch: 'noarch' });
    // Two kernels side by side are two installed packages.
    expect(find(packages, 'kernel').map((p) => p.version)).toEqual(['5.14.0-362.8.1.el9_3', '5.14.0-284.30.1.el9_2']);
    expect(find(packages, 'glibc').map((p) => p.arch)).toEqual(['x86_64', 'i686']);
  });

  it('splits apk "name-version" at the version, keeping dashes and digits that belong to the name', () => {
    const packages = parseApkList(fixture('linux-apk-list.txt'));
    expect(packages).toHaveLength(13);
    expect(find(packages, 'py3-setuptools')[0]).toMatchObject({ version: '68.2.2-r0', arch: 'noarch', source: 'apk' });
    expect(find(packages, 'ca-certificates-bundle')[0]?.version).toBe('20230506-r0');
    expect(find(packages, 'musl')[0]?.version).toBe('1.2.4_git20230717-r4');
  });

  it('reads pacman name and version pairs', () => {
    const packages = parsePacmanQuery(fixture('linux-pacman-q.txt'));
    expect(packages).toHaveLength(12);
    expect(find(packages, 'zlib')[0]).toEqual({
      name: 'zlib',
      version: '1:1.3-2',
      publisher: null,
      source: 'pacman',
      installedAt: null,
      arch: null,
    });
  });

  it('reads the snap table without its header and without verification marks on the publisher', () => {
    const packages = parseSnapList(fixture('linux-snap-list.txt'));
    expect(packages.map((p) => p.name)).toEqual([
      'core22',
      'firefox',
      'gnome-42-2204',
      'lxd',
      'my-tool',
      'snapd',
      'spotify',
      'vlc',
    ]);
    expect(find(packages, 'firefox')[0]).toMatchObject({ version: '120.0.1-1', publisher: 'mozilla', source: 'snap' });
    expect(find(packages, 'vlc')[0]?.publisher).toBe('videolan');
    expect(find(packages, 'spotify')[0]?.publisher).toBe('spotify');
    expect(find(packages, 'my-tool')[0]?.publisher).toBeNull();
  });

  it('reads flatpak applications by id, with an empty version when the app declares none', () => {
    const packages = parseFlatpakList(fixture('linux-flatpak-list.txt'));
    expect(find(packages, 'org.gimp.GIMP')[0]).toEqual({
      name: 'org.gimp.GIMP',
      version: '2.10.36',
      publisher: null,
      source: 'flatpak',
      installedAt: null,
      arch: 'x86_64',
    });
    expect(find(packages, 'org.example.Nightly')[0]).toMatchObject({ version: '', arch: 'aarch64' });
    expect(parseFlatpakList('Application ID\tVersion\tOrigin\tArch\n')).toEqual([]);
  });
});
