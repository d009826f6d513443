// Debian's chromium (apt-get install chromium), driven by playwright-core: never `playwright
// install`, which downloads a browser this machine cannot fetch. The browser tests use it too.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  // --no-sandbox: run as root (CI, this machine), chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}
