// The one check only the server can run: a device that has not been connected for the offline
// check's `forMinutes` gets a fault ticket, which recovers when the device connects again. Runs
// on a timer, and at once when a device says hello; tests call checkNow() with a fake clock.
import type { FastifyBaseLogger } from 'fastify';
import type { CheckOfKind } from '../../../protocol/messages/checks.js';
import type { Db } from '../../db/database.js';
import type { DeviceRow, DeviceStore } from '../devices/store.js';
import type { CheckPolicyService } from './check-policies.js';
import type { FaultService } from './service.js';
import type { FaultStore } from './store.js';
import { periodicCheck } from '../../periodic-check.js';

const minutesText = (ms: number) => `${Math.floor(ms / 60_000)} minutes`;

export function createOfflineMonitor(deps: {
  db: Db;
  devices: DeviceStore;
  isOnline: (deviceId: string) => boolean;
  faults: FaultService;
  faultStore: FaultStore;
  checkPolicies: CheckPolicyService;
  log: FastifyBaseLogger;
  intervalMs: number;
  now: () => number;
}) {
  const offlineCheck = (device: DeviceRow) =>
    deps.checkPolicies
      .forGroup(device.group)
      .policy.checks.find((check): check is CheckOfKind<'offline'> => check.kind === 'offline');

  /** `isRaised` answers for the device's offline check (one query for all devices on a tick). */
  const examine = (device: DeviceRow, at: number, isRaised: (checkId: string) => boolean) => {
    const check = offlineCheck(device);
    if (!check) return;
    const raised = isRaised(check.id);
    const lastSeenAt = device.lastSeenAt ?? device.enrolledAt;
    if (deps.isOnline(device.id)) {
      if (raised) {
        deps.faults.cleared(device.id, {
          checkId: check.id,
          faultKey: check.id,
          observedAt: at,
          detail: `${device.name} is connected again.`,
          values: { connectedAt: new Date(at).toISOString() },
        });
      }
      return;
    }
    if (raised || at - lastSeenAt < check.forMinutes * 60_000) return;
    deps.faults.raised(device.id, {
      checkId: check.id,
      faultKey: check.id,
      checkName: check.name,
      kind: 'offline',
      subject: `${device.name} has been offline for ${minutesText(at - lastSeenAt)}`,
      detail: `Last seen ${new Date(lastSeenAt).toISOString()}; the limit is ${check.forMinutes} minutes.`,
      observedAt: at,
      values: { lastSeenAt: new Date(lastSeenAt).toISOString(), forMinutes: check.forMinutes },
    });
  };

  const checkNow = () => {
    const at = deps.now();
    const active = deps.devices.all().filter((device) => device.status === 'active');
    deps.db.transaction(() => {
      const raised = deps.faultStore.openSingleItemFaults();
      for (const device of active) examine(device, at, (checkId) => raised.has(`${device.id} ${checkId}`));
    })();
  };

  return {
    checkNow,
    /** A device connected: its offline fault (if any) recovers now rather than on the next tick. */
    deviceOnline(deviceId: string) {
      const device = deps.devices.byId(deviceId);
      if (device?.status === 'active')
        deps.db.transaction(() =>
          examine(device, deps.now(), (checkId) => deps.faults.isRaised(device.id, checkId, checkId)),
        )();
    },
    ...periodicCheck(checkNow, { intervalMs: deps.intervalMs, log: deps.log, what: 'offline check' }),
  };
}
export type OfflineMonitor = ReturnType<typeof createOfflineMonitor>;
