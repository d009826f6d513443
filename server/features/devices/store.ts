import type { Db } from '../../db/database.js';

export type DeviceStatus = 'pending' | 'active' | 'denied' | 'revoked';

export interface DeviceRow {
  id: string;
  name: string;
  group: string;
  status: DeviceStatus;
  statusReason: string | null;
  publicKey: string;
  fingerprint: string;
  machineId: string;
  platform: string;
  osRelease: string;
  arch: string;
  agentVersion: string;
  enrolledAt: number;
  lastSeenAt: number | null;
  lastHandshakeTs: number;
}

const SELECT = `SELECT id, name, group_name AS "group", status, status_reason AS statusReason, public_key AS publicKey,
  fingerprint, machine_id AS machineId, platform, os_release AS osRelease, arch, agent_version AS agentVersion,
  enrolled_at AS enrolledAt, last_seen_at AS lastSeenAt, last_handshake_ts AS lastHandshakeTs FROM devices`;

export function createDeviceStore(db: Db, now: () => number = Date.now) {
  const insert = db.prepare(
    `INSERT INTO devices (id, name, group_name, status, status_reason, public_key, fingerprint, machine_id, platform,
       os_release, arch, agent_version, enrollment_token, enrolled_at)
     VALUES (@id, @name, @group, @status, @statusReason, @publicKey, @fingerprint, @machineId, @platform,
       @osRelease, @arch, @agentVersion, @enrollmentToken, @enrolledAt)`,
  );
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  const byKey = db.prepare(`${SELECT} WHERE public_key = ?`);
  const byMachine = db.prepare(
    `${SELECT} WHERE machine_id = ? AND status IN ('active', 'pending') ORDER BY enrolled_at`,
  );
  const all = db.prepare(`${SELECT} ORDER BY name, id`);
  const setStatus = db.prepare('UPDATE devices SET status = ?, status_reason = ? WHERE id = ?');
  const setAgentInfo = db.prepare(
    'UPDATE devices SET agent_version = ?, platform = ?, os_release = ?, arch = ? WHERE id = ?',
  );
  const setPresence = db.prepare(
    'UPDATE devices SET last_seen_at = MAX(COALESCE(last_seen_at, 0), ?), last_handshake_ts = MAX(last_handshake_ts, ?) WHERE id = ?',
  );

  return {
    insert(device: Omit<DeviceRow, 'lastSeenAt' | 'lastHandshakeTs' | 'enrolledAt'> & { enrollmentToken: string }) {
      insert.run({ ...device, enrolledAt: now() });
    },
    byId: (id: string) => byId.get(id) as DeviceRow | undefined,
    byPublicKey: (publicKey: string) => byKey.get(publicKey) as DeviceRow | undefined,
    liveByMachineId: (machineId: string) => byMachine.all(machineId) as DeviceRow[],
    all: () => all.all() as DeviceRow[],
    setStatus: (id: string, status: DeviceStatus, reason: string | null) => void setStatus.run(status, reason, id),
    setAgentInfo: (id: string, info: { agentVersion: string; platform: string; osRelease: string; arch: string }) =>
      void setAgentInfo.run(info.agentVersion, info.platform, info.osRelease, info.arch, id),
    /** Writes many presence updates in one transaction (one fsync for the batch). */
    writePresence: db.transaction((entries: Array<{ id: string; lastSeenAt: number; handshakeTs: number }>) => {
      for (const entry of entries) setPresence.run(entry.lastSeenAt, entry.handshakeTs, entry.id);
    }),
  };
}
export type DeviceStore = ReturnType<typeof createDeviceStore>;
