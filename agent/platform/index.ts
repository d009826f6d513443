import { createLinuxPlatform } from './linux.js';
import { createMacosPlatform } from './macos.js';
import type { Platform } from './platform.js';
import { createWindowsPlatform } from './windows.js';

export type { Platform } from './platform.js';

/** The implementation for the OS this process runs on. */
export function currentPlatform(): Platform {
  switch (process.platform) {
    case 'win32':
      return createWindowsPlatform();
    case 'darwin':
      return createMacosPlatform();
    default:
      return createLinuxPlatform();
  }
}
