import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinuxPlatform } from '../../agent/platform/linux.js';
import { hashMachineId } from '../../agent/platform/machine-id.js';
import { createMacosPlatform, parseIoPlatformUuid } from '../../agent/platform/macos.js';
import { createWindowsPlatform, parseMachineGuid } from '../../agent/platform/windows.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('per-OS platform code', () => {
  it('reads MachineGuid from recorded `reg query` output', () => {
    expect(parseMachineGuid(fixture('windows-reg-machineguid.txt'))).toBe('6f1a2c3d-4b5e-4f60-8a71-92b3c4d5e6f7');
    expect(parseMachineGuid('ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
    const windows = createWindowsPlatform({ run: () => fixture('windows-reg-machineguid.txt'), programData: 'D:\\PD' });
    expect(windows.machineId()).toBe(hashMachineId('6f1a2c3d-4b5e-4f60-8a71-92b3c4d5e6f7'));
    expect(windows.defaultStateDir()).toContain('Helpline');
  });

  it('reads IOPlatformUUID from recorded `ioreg` output', () => {
    expect(parseIoPlatformUuid(fixture('macos-ioreg-platform.txt'))).toBe('0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9');
    const macos = createMacosPlatform({ run: () => fixture('macos-ioreg-platform.txt') });
    expect(macos.machineId()).toBe(hashMachineId('0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9'));
    expect(() => createMacosPlatform({ run: () => '' }).machineId()).toThrow(/IOPlatformUUID/);
  });

  it('gives this Linux machine a stable hashed id and a state dir per account', () => {
    const linux = createLinuxPlatform();
    expect(linux.machineId()).toMatch(/^[0-9a-f]{64}$/);
    expect(linux.machineId()).toBe(linux.machineId());
    expect(createLinuxPlatform({ uid: 0 }).defaultStateDir()).toBe('/var/lib/helpline-agent');
    expect(createLinuxPlatform({ uid: 1000, home: '/home/ann' }).defaultStateDir()).toBe(
      '/home/ann/.local/state/helpline-agent',
    );
  });
});
