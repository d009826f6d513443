// Asks the server, as the admin, whether the agent's first (full) inventory has arrived: the
// measuring window must not open while the startup inventory is still being collected or sent.
import { setTimeout as sleep } from 'node:timers/promises';
import { API } from '../../../protocol/api/routes/index.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { INVENTORY_SECTION_NAMES } from '../../../protocol/messages/inventory.js';
import { adminClient } from './admin-api.js';

const POLL_MS = 500;

export async function waitForFullInventory(
  serverUrl: string,
  adminPassword: string,
  deviceId: string,
  timeoutMs: number,
): Promise<number> {
  const startedAt = Date.now();
  const admin = await adminClient(serverUrl, adminPassword);
  let have = 0;
  while (Date.now() - startedAt < timeoutMs) {
    try {
      const view = await admin.call(API.inventory.show, { params: { id: deviceId } });
      have = INVENTORY_SECTION_NAMES.filter((name) => view.updatedAt[name] !== undefined).length;
      if (have === INVENTORY_SECTION_NAMES.length) return Date.now() - startedAt;
    } catch (error) {
      // 404: no inventory yet.
      if (!(error instanceof ApiRequestError) || error.status !== 404) throw error;
    }
    await sleep(POLL_MS);
  }
  throw new Error(
    `the server held ${have} of ${INVENTORY_SECTION_NAMES.length} inventory sections after ${timeoutMs / 1000} s; the agent's startup inventory did not arrive`,
  );
}
