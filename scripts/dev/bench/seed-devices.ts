// A fleet of devices written in bulk through the server's own stores, as enrollment would have
// left them (one enrollment token, active, in the default group): enough rows for the CLI to list
// without enrolling a thousand agents one sealed handshake at a time.
import { randomBytes } from 'node:crypto';
import { encodeKey, keyFingerprint } from '../../../protocol/keys.js';
import { HELPLINE_VERSION } from '../../../protocol/version.js';
import { openDataDirDatabase } from '../../../server/data-dir.js';
import { createDeviceStore } from '../../../server/features/devices/store.js';
import { createEnrollmentTokenStore } from '../../../server/features/enrollment/store.js';
import { createUserStore } from '../../../server/features/users/store.js';
import { hashSecret, newId, newSecret } from '../../../server/security.js';

/**
 * Adds `count` active devices named PC-0001, PC-0002, ... to the data directory's database, in one
 * transaction, spread over `groups` in turn (default: all in 'default'); returns their ids. The
 * server may be running: it reads them on its next request.
 */
export function seedDevices(dataDir: string, count: number, groups: readonly string[] = ['default']): string[] {
  const ids: string[] = [];
  const db = openDataDirDatabase(dataDir);
  try {
    const admin = createUserStore(db).byName('admin');
    if (!admin) throw new Error(`${dataDir} has no admin user to own the seeding token`);
    // One enrollment token per group, as an admin would make them (a token's group is created with it).
    const tokens = createEnrollmentTokenStore(db);
    const tokenOf = new Map(
      groups.map((group) => {
        const tokenId = newId('tok', 12);
        tokens.insert({
          id: tokenId,
          secretHash: hashSecret(newSecret()),
          group,
          approval: false,
          maxUses: count,
          createdBy: admin.id,
          expiresAt: Date.now() + 3_600_000,
        });
        return [group, tokenId];
      }),
    );
    const devices = createDeviceStore(db);
    const width = String(count).length;
    db.transaction(() => {
      for (let index = 1; index <= count; index++) {
        const publicKey = randomBytes(32);
        const id = newId('dev');
        const group = groups[index % groups.length]!;
        ids.push(id);
        devices.insert({
          id,
          name: `PC-${String(index).padStart(Math.max(4, width), '0')}`,
          group,
          status: 'active',
          statusReason: null,
          publicKey: encodeKey(publicKey),
          fingerprint: keyFingerprint(publicKey),
          machineId: randomBytes(16).toString('hex'),
          platform: 'linux',
          osRelease: '6.8.0',
          arch: 'x64',
          agentVersion: HELPLINE_VERSION,
          enrollmentToken: tokenOf.get(group)!,
        });
      }
    })();
  } finally {
    db.close();
  }
  return ids;
}
