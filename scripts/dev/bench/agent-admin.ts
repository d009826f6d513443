// Asks the server, as the admin, whether the agent's first (full) inventory has arrived: the
// measuring window must not open while the startup inventory is still being collected or sent.
import { setTimeout as sleep } from 'node:timers/promises';
import { INVENTORY_SECTION_NAMES } from '../../../protocol/messages/inventory.js';

const POLL_MS = 500;

export async function waitForFullInventory(serverUrl: string, adminPassword: string, deviceId: string, timeoutMs: number): Promise<number> {
  const startedAt = Date.now();
  const login = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'admin', password: adminPassword }),
  });
  if (!login.ok) throw new Error(`POST /api/auth/login answered ${login.status}: ${(await login.text()).slice(0, 300)}`);
  const { token } = (await login.json()) as { token: string };
  const path = `/api/devices/${encodeURIComponent(deviceId)}/inventory`;
  let have = 0;
  while (Date.now() - startedAt < timeoutMs) {
    const response = await fetch(new URL(path, serverUrl), { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) {
      const view = (await response.json()) as { updatedAt: Record<string, string> };
      have = INVENTORY_SECTION_NAMES.filter((name) => view.updatedAt[name] !== undefined).length;
      if (have === INVENTORY_SECTION_NAMES.length) return Date.now() - startedAt;
    } else if (response.status !== 404) {
      throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    await sleep(POLL_MS);
  }
  throw new Error(`the server held ${have} of ${INVENTORY_SECTION_NAMES.length} inventory sections after ${timeoutMs / 1000} s; the agent's startup inventory did not arrive`);
}
