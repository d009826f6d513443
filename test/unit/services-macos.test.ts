import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectMacosServices, parseLaunchctlList } from '../../agent/platform/services/macos.js';
import { CommandError } from '../../agent/platform/software/command.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('macOS launchd jobs from `launchctl list`', () => {
  it('is running with a PID, stopped without one, whatever the last exit status', () => {
    const jobs = new Map(parseLaunchctlList(fixture('macos-launchctl-list.txt')).map((s) => [s.name, s]));
    expect(jobs.get('com.apple.Finder')).toEqual({
      name: 'com.apple.Finder',
      displayName: null,
      state: 'running',
      startup: null,
    });
    expect(jobs.get('com.apple.quicklook.32bit')?.state).toBe('stopped');
    expect(jobs.get('com.microsoft.autoupdate.helper')?.state).toBe('stopped');
    expect(jobs.has('Label')).toBe(false);
  });

  it('returns each label once, sorted', async () => {
    const { items, warnings } = await collectMacosServices(async (file, args) => {
      expect([file, ...args]).toEqual(['launchctl', 'list']);
      return fixture('macos-launchctl-list.txt');
    });
    expect(warnings).toEqual([]);
    expect(items.map((s) => s.name)).toEqual([
      'com.apple.Finder',
      'com.apple.SafariHistoryServiceAgent',
      'com.apple.cfprefsd.xpc.daemon',
      'com.apple.homed',
      'com.apple.progressd',
      'com.apple.quicklook.32bit',
      'com.microsoft.autoupdate.helper',
      'com.openssh.ssh-agent',
      'us.zoom.ZoomDaemon',
    ]);
  });

  it('turns a failing launchctl into a warning', async () => {
    const result = await collectMacosServices(async () => {
      throw new CommandError('launchctl failed (exit code 1): Operation not permitted', false);
    });
    expect(result).toEqual({ items: [], warnings: ['launchctl failed (exit code 1): Operation not permitted'] });
  });
});
