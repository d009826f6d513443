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
 * transaction. The server may be running: it reads them on its next request.
 */
export function seedDevices(dataDir: string, count: number): void {
  const db = openDataDirDatabase(dataDir);
  try {
    const admin = createUserStore(db).byName('admin');
    if (!admin) throw new Error(`${dataDir} has no admin user to own the seeding token`);
    const tokenId = newId('tok', 12);
    createEnrollmentTokenStore(db).insert({
      id: tokenId,
      secretHash: hashSecret(newSecret()),
      group: 'default',
      approval: false,
      maxUses: count,
      createdBy: admin.id,
      expiresAt: Date.now() + 3_600_000,
    });
    const devices = createDeviceStore(db);
    const width = String(count).length;
    db.transaction(() => {
      for (let index = 1; index <= count; index++) {
        const publicKey = randomBytes(32);
        devices.insert({
          id: newId('dev'),
          name: `PC-${String(index).padStart(Math.max(4, width), '0')}`,
          group: 'default',
          status: 'active',
          statusReason: null,
          publicKey: encodeKey(publicKey),
          fingerprint: keyFingerprint(publicKey),
          machineId: randomBytes(16).toString('hex'),
          platform: 'linux',
          osRelease: '6.8.0',
          arch: 'x64',
          agentVersion: HELPLINE_VERSION,
          enrollmentToken: tokenId,
        });
      }
    })();
  } finally {
    db.close();
  }
}
