// Enrollment: admins make tokens; a PC that presents one becomes a device (active or pending).
import type { ServerKeys } from '../../data-dir.js';
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { Events } from '../../events.js';
import type { DeviceChangeEvents } from '../devices/plugin.js';
import type { DeviceStore } from '../devices/store.js';
import { enrollmentRoutes } from './routes.js';
import { createEnrollmentService } from './service.js';
import { createEnrollmentTokenStore } from './store.js';

interface EnrollmentNeeds {
  db: Db;
  keys: ServerKeys;
  deviceStore: DeviceStore;
  deviceChanges: Events<DeviceChangeEvents>;
  audit: AuditStore;
  publicUrl: () => string;
  now: () => number;
}

export const enrollmentPlugin = featurePlugin('enrollment', (app, parts: EnrollmentNeeds) => {
  const { db, keys, deviceStore, audit, publicUrl, now } = parts;
  const enrollment = createEnrollmentService({
    tokens: createEnrollmentTokenStore(db, now),
    devices: deviceStore,
    audit,
    keys,
    publicUrl,
    now,
    onEnrolled: (deviceId) => parts.deviceChanges.emit('changed', deviceId),
  });
  enrollmentRoutes(app, { enrollment });
  return { enrollment };
});
