import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { SoftwarePackage } from '../../protocol/messages/inventory-items.js';
import { CommandError } from '../../agent/platform/software/command.js';
import { appPublisher, collectMacosSoftware, parseSystemProfilerApps } from '../../agent/platform/software/macos.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('macOS applications from system_profiler', () => {
  it('reads name, version, publisher, modification time and architecture of each app', () => {
    const apps = parseSystemProfilerApps(fixture('macos-system-profiler-apps.json'));
    expect(apps.find((p) => p.name === 'Firefox')).toEqual({
      name: 'Firefox',
      version: '120.0',
      publisher: 'Mozilla Corporation',
      source: 'app',
      installedAt: '2023-11-21T14:03:11Z',
      arch: 'universal',
    });
    expect(apps.find((p) => p.name === 'zoom.us')).toMatchObject({ version: '5.16.6 (24712)', arch: 'arm64' });
    expect(apps.find((p) => p.name === 'OldTool')).toMatchObject({ version: '', publisher: null, arch: 'x86_64' });
  });

  it('names the vendor from the Developer ID, Apple for its own apps, and nobody for App Store or unsigned apps', () => {
    const publishers = Object.fromEntries(
      parseSystemProfilerApps(fixture('macos-system-profiler-apps.json')).map((p) => [p.name, p.publisher]),
    );
    expect(publishers).toMatchObject({
      Safari: 'Apple',
      Calendar: 'Apple',
      Slack: 'Slack Technologies, Inc.',
      'zoom.us': 'Zoom Video Communications, Inc.',
      'Microsoft Word': null,
      OldTool: null,
    });
    expect(appPublisher({ signed_by: ['Developer ID Application: Jane Doe'] })).toBe('Jane Doe');
  });

  it('leaves out OS internals and helper apps nested inside another app', () => {
    const names = parseSystemProfilerApps(fixture('macos-system-profiler-apps.json')).map((p) => p.name);
    expect(names).not.toContain('Finder');
    expect(names).not.toContain('Microsoft Error Reporting');
  });

  it('lists each app once, sorted by name, even when a copy lies elsewhere on disk', async () => {
    const { items, warnings } = await collectMacosSoftware(async (file, args) => {
      expect([file, ...args]).toEqual(['system_profiler', 'SPApplicationsDataType', '-json']);
      return fixture('macos-system-profiler-apps.json');
    });
    expect(warnings).toEqual([]);
    expect(items.map((p) => p.name)).toEqual([
      'Calendar',
      'Firefox',
      'Microsoft Word',
      'OldTool',
      'Safari',
      'Slack',
      'zoom.us',
    ]);
    for (const item of items) expect(Value.Check(SoftwarePackage, item)).toBe(true);
  });

  it('turns a failing or garbled system_profiler into a warning', async () => {
    const failed = await collectMacosSoftware(async () => {
      throw new CommandError('system_profiler did not finish within 60000 ms', false);
    });
    expect(failed).toEqual({ items: [], warnings: ['system_profiler did not finish within 60000 ms'] });
    const garbled = await collectMacosSoftware(async () => '{"SPSoftwareDataType": []}');
    expect(garbled.items).toEqual([]);
    expect(garbled.warnings[0]).toMatch(/^system_profiler: .*SPApplicationsDataType/);
  });
});
